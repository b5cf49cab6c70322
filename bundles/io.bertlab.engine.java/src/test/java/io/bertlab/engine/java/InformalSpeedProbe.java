package io.bertlab.engine.java;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.Model;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An informal throughput comparison (MiniLM-L6, batch 32 × 128 tokens, 2 threads) of the java engine and ONNX
 * Runtime, printed, never asserted: timing does not belong in unit tests. The JMH benchmark under benchmarks/ is the
 * reference. Run with {@code -Dbertlab.speed=true -Dtest=InformalSpeedProbe}.
 */
@EnabledIfSystemProperty(named = "bertlab.speed", matches = "true")
class InformalSpeedProbe {

    private static final int BATCH = 32;
    private static final int LENGTH = 128;
    private static final int THREADS = 2;

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
        double flopsPerToken = flopsPerToken();
        try (Model model = JavaEngine.load(MiniLm.checkpoint(), THREADS, MiniLm.onnxFile())) {
            report("java (" + model.engine().version() + ")", time(() -> model.forward(batch)), flopsPerToken);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(THREADS);
        long[][] longIds = Arrays.stream(ids).map(r -> Arrays.stream(r).asLongStream().toArray()).toArray(long[][]::new);
        long[][] zeros = new long[BATCH][LENGTH];
        long[][] ones = new long[BATCH][LENGTH];
        for (long[] row : ones) {
            Arrays.fill(row, 1);
        }
        try (OrtSession session = env.createSession(MiniLm.onnxFile().toString(), options);
                OnnxTensor a = OnnxTensor.createTensor(env, longIds);
                OnnxTensor b = OnnxTensor.createTensor(env, zeros);
                OnnxTensor c = OnnxTensor.createTensor(env, ones)) {
            report("onnxruntime", time(() -> {
                try (OrtSession.Result r = session.run(Map.of("input_ids", a, "token_type_ids", b, "attention_mask", c))) {
                    r.get(0);
                }
            }), flopsPerToken);
        }
    }

    /** Multiply-adds of MiniLM-L6 per token at length 128, counted as 2 FLOPs each. */
    private static double flopsPerToken() {
        double h = 384;
        double ffn = 1536;
        double perLayer = 4 * h * h + 2 * h * ffn + 2 * LENGTH * h;
        return 2 * 6 * perLayer;
    }

    private interface Run {
        void run() throws Exception;
    }

    private static double time(Run run) throws Exception {
        for (int i = 0; i < 3; i++) {
            run.run();
        }
        int iterations = 5;
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            run.run();
        }
        return (System.nanoTime() - start) / 1e9 / iterations;
    }

    private static void report(String name, double seconds, double flopsPerToken) {
        double tokens = BATCH * LENGTH / seconds;
        System.out.printf("%-40s %8.0f tokens/s %7.1f GFLOP/s (%.3f s per batch)%n", name, tokens,
                tokens * flopsPerToken / 1e9, seconds);
    }
}
