package io.bertlab.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.onnx.OnnxBertImporter;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * all-MiniLM-L6-v2 (the weights of the Maven artifact), batch 32 x 128 real tokens, 2 threads: bertlab's engines
 * (pure Java, PyTorch and MXNet through DJL) against ONNX Runtime on the same input. Counters: {@code tokens} per second, and {@code flops} per second
 * (divide by 1e9 for GFLOP/s; matrix products only, 2 FLOPs per multiply-add).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class MiniLmForwardBenchmark {

    private static final int BATCH = 32;
    private static final int LENGTH = 128;
    private static final int THREADS = 2;

    /** Work done, reported by JMH as rates. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        /** Tokens encoded. */
        public long tokens;
        /** Floating-point operations of the matrix products. */
        public long flops;
    }

    @Param({"bertlab-java", "bertlab-pytorch", "bertlab-mxnet", "onnxruntime"})
    public String engine;

    private Path folder;
    private int[][] ids;
    private Model model;
    private Batch batch;
    private OrtEnvironment environment;
    private OrtSession session;
    private Map<String, OnnxTensor> inputs;
    private long flopsPerBatch;

    @Setup(Level.Trial)
    public void load() throws Exception {
        folder = Files.createTempDirectory("bertlab-minilm");
        Path onnx = folder.resolve("model.onnx");
        try (InputStream in = getClass().getResourceAsStream("/all-minilm-l6-v2.onnx")) {
            Files.copy(in, onnx, StandardCopyOption.REPLACE_EXISTING);
        }
        Path tokenizerFile = folder.resolve("tokenizer.json");
        try (InputStream in = getClass().getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
            Files.copy(in, tokenizerFile, StandardCopyOption.REPLACE_EXISTING);
        }
        ids = realTokens(TokenizerFiles.load(tokenizerFile, Map.of(), ModelRegistry.discover(getClass().getClassLoader())),
                BATCH, LENGTH);
        int[][] types = new int[BATCH][LENGTH];
        int[][] mask = new int[BATCH][LENGTH];
        for (int[] row : mask) {
            java.util.Arrays.fill(row, 1);
        }
        ModelDirectory.Checkpoint checkpoint = OnnxBertImporter.importModel(onnx);
        var c = checkpoint.config();
        long h = c.hiddenSize();
        long perLayer = 2 * (4 * LENGTH * h * h + 2L * LENGTH * h * c.intermediateSize() + 2L * LENGTH * LENGTH * h);
        flopsPerBatch = BATCH * perLayer * c.numHiddenLayers();
        if (engine.startsWith("bertlab-")) {
            Path directory = folder.resolve("model");
            ModelDirectory.save(directory, checkpoint);
            model = Engines.named(engine).load(directory, LoadOptions.threads(THREADS));
            batch = new Batch(ids, types, mask);
        } else {
            environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(THREADS);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(onnx.toString(), options);
            long[] shape = {BATCH, LENGTH};
            inputs = Map.of(
                    "input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(flatten(ids)), shape),
                    "attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(flatten(mask)), shape),
                    "token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(flatten(types)), shape));
        }
    }

    /** {@code batch} rows of {@code length} real word-piece ids: the book's lines, encoded and laid end to end. */
    static int[][] realTokens(Tokenizer tokenizer, int batch, int length) throws Exception {
        List<String> lines = BenchmarkData.lines("text/botchan_en.txt");
        int[][] rows = new int[batch][length];
        int row = 0;
        int position = 0;
        for (String line : lines) {
            Encoding encoding = tokenizer.encode(line);
            for (int id : encoding.ids()) {
                rows[row][position++] = id;
                if (position == length) {
                    position = 0;
                    if (++row == batch) {
                        return rows;
                    }
                }
            }
        }
        throw new IllegalStateException("not enough text for " + batch + " x " + length + " tokens");
    }

    private static long[] flatten(int[][] rows) {
        long[] flat = new long[rows.length * rows[0].length];
        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < rows[r].length; i++) {
                flat[r * rows[r].length + i] = rows[r][i];
            }
        }
        return flat;
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        if (model != null) {
            model.close();
        }
        if (session != null) {
            inputs.values().forEach(OnnxTensor::close);
            session.close();
        }
    }

    @Benchmark
    public void forward(Work work, Blackhole sink) throws Exception {
        if (model != null) {
            sink.consume(model.forward(batch).lastHiddenState());
        } else {
            try (OrtSession.Result result = session.run(inputs)) {
                sink.consume(result.get(0).getValue());
            }
        }
        work.tokens += (long) BATCH * LENGTH;
        work.flops += flopsPerBatch;
    }
}
