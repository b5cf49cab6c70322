package io.bertlab.engine.djl;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.OptimizerSpec;
import io.bertlab.api.model.Targets;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An informal throughput comparison (MiniLM-L6, batch 32 × 128 tokens, 2 threads): inference of the DJL backends
 * and ONNX Runtime, training steps of the DJL backends; printed, never asserted: timing does not belong in unit tests, and the JMH benchmark is the
 * reference. The runs alternate so that load from other processes hits each alike. Run with
 * {@code -Dbertlab.speed=true -Dtest=InformalSpeedProbe}.
 */
@EnabledIfSystemProperty(named = "bertlab.speed", matches = "true")
class InformalSpeedProbe {

    private static final int BATCH = 32;
    private static final int LENGTH = 128;
    private static final int THREADS = 2;
    private static final int ROUNDS = 3;
    private static final int ITERATIONS = 3;

    private interface Run {
        void run() throws Exception;
    }

    @Test
    void printTokensPerSecond() throws Exception {
        Random random = new Random(42);
        int[][] ids = new int[BATCH][LENGTH];
        for (int[] row : ids) {
            for (int t = 0; t < LENGTH; t++) {
                row[t] = t == 0 ? 101 : 1000 + random.nextInt(28000);
            }
        }
        Batch batch = Batch.of(ids);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        long[][] longIds = Arrays.stream(ids).map(r -> Arrays.stream(r).asLongStream().toArray()).toArray(long[][]::new);
        long[][] zeros = new long[BATCH][LENGTH];
        long[][] ones = new long[BATCH][LENGTH];
        for (long[] row : ones) {
            Arrays.fill(row, 1);
        }
        String only = System.getProperty("bertlab.speed.backends", "pytorch,mxnet");
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(THREADS);
            try (OrtSession session = env.createSession(MiniLm.onnxFile().toString(), options);
                    OnnxTensor a = OnnxTensor.createTensor(env, longIds);
                    OnnxTensor b = OnnxTensor.createTensor(env, zeros);
                    OnnxTensor c = OnnxTensor.createTensor(env, ones);
                    Model pytorch = only.contains("pytorch") ? TestEngines.of(DjlBackend.PYTORCH)
                            .load(MiniLm.checkpoint(), LoadOptions.threads(THREADS)) : null;
                    Model mxnet = only.contains("mxnet") ? TestEngines.of(DjlBackend.MXNET)
                            .load(MiniLm.checkpoint(), LoadOptions.threads(THREADS)) : null) {
                Run ort = () -> {
                    try (OrtSession.Result r = session.run(Map.of("input_ids", a, "token_type_ids", b,
                            "attention_mask", c))) {
                        r.get(0);
                    }
                };
                warmUp(ort);
                if (pytorch != null) {
                    warmUp(() -> pytorch.forward(batch));
                }
                if (mxnet != null) {
                    warmUp(() -> mxnet.forward(batch));
                }
                for (int round = 0; round < ROUNDS; round++) {
                    double ortRate = tokensPerSecond(ort);
                    StringBuilder line = new StringBuilder(String.format("round %d: onnxruntime %.0f tokens/s", round,
                            ortRate));
                    if (pytorch != null) {
                        double rate = tokensPerSecond(() -> pytorch.forward(batch));
                        line.append(String.format(", pytorch %.0f tokens/s (%.2f× ORT)", rate, rate / ortRate));
                    }
                    if (mxnet != null) {
                        double rate = tokensPerSecond(() -> mxnet.forward(batch));
                        line.append(String.format(", mxnet %.0f tokens/s (%.2f× ORT)", rate, rate / ortRate));
                    }
                    System.out.println(line);
                }
            }
        }
    }

    /** Training steps (forward, backward, clipping, AdamW) per second with a 2-label classifier on the same batch. */
    @Test
    void printTrainingStepsPerSecond() throws Exception {
        Random random = new Random(42);
        int[][] ids = new int[BATCH][LENGTH];
        int[] labels = new int[BATCH];
        for (int b = 0; b < BATCH; b++) {
            labels[b] = b % 2;
            for (int t = 0; t < LENGTH; t++) {
                ids[b][t] = t == 0 ? 101 : 1000 + random.nextInt(28000);
            }
        }
        Batch batch = Batch.of(ids);
        Targets targets = Targets.of("classifier", new HeadTarget.ClassLabels(labels));
        TrainingSpec spec = new TrainingSpec(List.of(HeadSpec.Classification.of(2)),
                OptimizerSpec.bertFineTuning(2e-5, 100), 1);
        for (DjlBackend backend : DjlBackend.values()) {
            if (!System.getProperty("bertlab.speed.backends", "pytorch,mxnet").contains(backend.bertlabName())) {
                continue;
            }
            try (Model model = TestEngines.of(backend).load(MiniLm.checkpoint(), LoadOptions.threads(THREADS));
                    TrainingSession session = model.openSession(spec)) {
                session.step(batch, targets);
                long start = System.nanoTime();
                for (int i = 0; i < ITERATIONS; i++) {
                    session.step(batch, targets);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s training: %.3f steps/s (batch %d x %d)%n", backend.bertlabName(),
                        ITERATIONS / seconds, BATCH, LENGTH);
            }
        }
    }

    private static void warmUp(Run run) throws Exception {
        for (int i = 0; i < 2; i++) {
            run.run();
        }
    }

    private static double tokensPerSecond(Run run) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            run.run();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return ITERATIONS * (double) BATCH * LENGTH / seconds;
    }
}
