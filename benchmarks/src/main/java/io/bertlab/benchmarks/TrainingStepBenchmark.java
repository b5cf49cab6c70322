package io.bertlab.benchmarks;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.OptimizerSpec;
import io.bertlab.api.model.Targets;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.onnx.OnnxBertImporter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One fine-tuning step (forward, backward, clipping, AdamW) of all-MiniLM-L6-v2 with a 2-label classifier on a
 * batch of 8 x 128 token ids, 2 threads, for each of bertlab's engines. Reported as seconds per step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class TrainingStepBenchmark {

    private static final int BATCH = 8;
    private static final int LENGTH = 128;

    @Param({"bertlab-java", "bertlab-pytorch", "bertlab-mxnet"})
    public String engine;

    private Model model;
    private TrainingSession session;
    private Batch batch;
    private Targets targets;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path folder = Files.createTempDirectory("bertlab-minilm-train");
        Path onnx = folder.resolve("model.onnx");
        try (InputStream in = getClass().getResourceAsStream("/all-minilm-l6-v2.onnx")) {
            Files.copy(in, onnx, StandardCopyOption.REPLACE_EXISTING);
        }
        ModelDirectory.Checkpoint checkpoint = OnnxBertImporter.importModel(onnx);
        Path directory = folder.resolve("model");
        ModelDirectory.save(directory, checkpoint);
        model = Engines.named(engine).load(directory, LoadOptions.threads(2));
        Random random = new Random(42);
        int[][] ids = new int[BATCH][LENGTH];
        int[][] mask = new int[BATCH][LENGTH];
        int[] labels = new int[BATCH];
        for (int row = 0; row < BATCH; row++) {
            for (int i = 0; i < LENGTH; i++) {
                ids[row][i] = 1000 + random.nextInt(20000);
                mask[row][i] = 1;
            }
            labels[row] = row % 2;
        }
        batch = new Batch(ids, new int[BATCH][LENGTH], mask);
        targets = Targets.of("classifier", new HeadTarget.ClassLabels(labels));
        session = model.openSession(new TrainingSpec(List.of(HeadSpec.Classification.of(2)),
                OptimizerSpec.bertFineTuning(2e-5, 100), 42));
    }

    @TearDown(Level.Trial)
    public void close() {
        session.close();
        model.close();
    }

    @Benchmark
    public Object step() {
        return session.step(batch, targets);
    }
}
