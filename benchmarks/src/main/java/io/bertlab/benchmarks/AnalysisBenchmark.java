package io.bertlab.benchmarks;

import io.bertlab.analysis.EngineAttentionCapture;
import io.bertlab.analysis.attribution.IntegratedGradients;
import io.bertlab.api.analysis.Attribution;
import io.bertlab.api.analysis.AttributionMethod;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.onnx.OnnxBertImporter;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
 * The analysis tools' cost per text on all-MiniLM-L6-v2 (the Maven artifact's weights), 2 threads, for each of
 * bertlab's engines, in one run:
 *
 * <ul>
 *   <li>{@code attention}, {@code what = forward}: the baseline, one text encoded as a capture encodes it and run
 *       through a plain forward pass;
 *   <li>{@code attention}, {@code what = capture}: {@link EngineAttentionCapture}, the {@code AttentionCapture}
 *       service, on the same text (the forward pass keeps every layer's attention probabilities, stacked into
 *       {@code [6, 12, n, n]});
 *   <li>{@code integratedGradients}: {@link IntegratedGradients}, the {@code AttributionMethod} service, 50
 *       Gauss-Legendre points (the default), {@code [PAD]} baseline, P(class 1) of a 2-class mean-pooled head, on the
 *       short text. The head is new, initialised from the session's seed (42): its weights are random, which changes
 *       nothing of the work (the same passes over the same shapes), only the attributions, which are not looked at.
 * </ul>
 *
 * <p>Texts ({@code text} parameter): {@code short} is the first sentence of GLUE SST-2's dev set with 24–32 tokens
 * (special tokens included); {@code long} is Botchan (the English text of the tokenizer benchmark) from its 100th
 * non-blank line on, lines joined by spaces while the text stays within 128 tokens. Both are printed at set-up.
 * Reported as milliseconds per text. Forward and capture: 2 warm-up and 5 measured iterations of 2 s per engine and
 * text; Integrated Gradients: see {@link #integratedGradients}. Run it without -wi/-i/-w/-r
 * ({@code benchmarks/run -f 1 AnalysisBenchmark}, about 10 minutes on the loaded 2-core machine, half of it PyTorch's
 * Integrated Gradients).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AnalysisBenchmark {

    private static final int THREADS = 2;
    private static final int SHORT_MIN = 24;
    private static final int SHORT_MAX = 32;
    private static final int LONG_MAX = 128;
    private static final int LONG_FROM_LINE = 100;
    private static final HeadSpec.Classification HEAD = new HeadSpec.Classification("classifier", 2,
            HeadSpec.Pooling.MEAN);
    private static final OutputSelector TARGET = new OutputSelector(HEAD.name(), 1);
    private static final int STEPS = 50;

    /** The model directory and tokenizer, made once per JVM (every trial of the run shares them). */
    private static Path directory;
    private static Tokenizer tokenizer;

    static synchronized Path directory() throws IOException {
        if (directory == null) {
            Path folder = Files.createTempDirectory("bertlab-analysis-bench");
            Path onnx = folder.resolve("model.onnx");
            try (InputStream in = AnalysisBenchmark.class.getResourceAsStream("/all-minilm-l6-v2.onnx")) {
                Files.copy(in, onnx, StandardCopyOption.REPLACE_EXISTING);
            }
            Path model = folder.resolve("model");
            ModelDirectory.save(model, OnnxBertImporter.importModel(onnx));
            directory = model;
        }
        return directory;
    }

    static synchronized Tokenizer tokenizer() throws IOException {
        if (tokenizer == null) {
            Path file = Files.createTempFile("bertlab-analysis-bench", "-tokenizer.json");
            try (InputStream in = AnalysisBenchmark.class.getResourceAsStream("/all-minilm-l6-v2-tokenizer.json")) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            tokenizer = TokenizerFiles.load(file, Map.of(), ModelRegistry.discover(AnalysisBenchmark.class
                    .getClassLoader()));
        }
        return tokenizer;
    }

    private static int length(Tokenizer tokenizer, String text) {
        return tokenizer.encode(text, EncodeOptions.of(true, null, null)).length();
    }

    /** The first SST-2 dev sentence of {@value #SHORT_MIN}–{@value #SHORT_MAX} tokens. */
    static String shortText() throws IOException {
        Tokenizer t = tokenizer();
        List<String> rows = BenchmarkData.lines("glue/SST-2/dev.tsv");
        for (String row : rows.subList(1, rows.size())) {
            String sentence = row.split("\t")[0].trim();
            int n = length(t, sentence);
            if (n >= SHORT_MIN && n <= SHORT_MAX) {
                return sentence;
            }
        }
        throw new IllegalStateException("no SST-2 dev sentence of " + SHORT_MIN + "-" + SHORT_MAX + " tokens");
    }

    /** Botchan's lines from the {@value #LONG_FROM_LINE}th on, joined while within {@value #LONG_MAX} tokens. */
    static String longText() throws IOException {
        Tokenizer t = tokenizer();
        List<String> lines = BenchmarkData.lines("text/botchan_en.txt");
        String text = "";
        for (String line : lines.subList(LONG_FROM_LINE, lines.size())) {
            String next = text.isEmpty() ? line.trim() : text + " " + line.trim();
            if (length(t, next) > LONG_MAX) {
                return text;
            }
            text = next;
        }
        throw new IllegalStateException("Botchan is shorter than " + LONG_MAX + " tokens");
    }

    static String text(String which) throws IOException {
        return switch (which) {
            case "short" -> shortText();
            case "long" -> longText();
            default -> throw new IllegalArgumentException("unknown text " + which);
        };
    }

    /** One engine's inference model, one text, and what to run on it: a plain forward pass or a capture. */
    @State(Scope.Benchmark)
    public static class Inference {

        @Param({"bertlab-java", "bertlab-pytorch", "bertlab-mxnet"})
        public String engine;

        @Param({"short", "long"})
        public String text;

        @Param({"forward", "capture"})
        public String what;

        Model model;
        boolean capturing;
        Tokenizer tokenizer;
        String input;
        final EngineAttentionCapture capture = new EngineAttentionCapture();

        @Setup(Level.Trial)
        public void load() throws IOException {
            tokenizer = tokenizer();
            input = text(text);
            capturing = switch (what) {
                case "forward" -> false;
                case "capture" -> true;
                default -> throw new IllegalArgumentException("unknown what " + what);
            };
            model = Engines.named(engine).load(directory(), LoadOptions.threads(THREADS));
            System.out.println("\n" + text + " text, " + length(tokenizer, input) + " tokens: " + input);
        }

        @TearDown(Level.Trial)
        public void close() {
            model.close();
        }
    }

    /** One engine's session with a seeded random 2-class head, for Integrated Gradients on the short text. */
    @State(Scope.Benchmark)
    public static class Attributing {

        @Param({"bertlab-java", "bertlab-pytorch", "bertlab-mxnet"})
        public String engine;

        Model model;
        TrainingSession session;
        Tokenizer tokenizer;
        String input;
        final IntegratedGradients method = new IntegratedGradients();

        @Setup(Level.Trial)
        public void load() throws IOException {
            tokenizer = tokenizer();
            input = shortText();
            model = Engines.named(engine).load(directory(), LoadOptions.threads(THREADS));
            session = model.openSession(new TrainingSpec(List.of(HEAD), null, 42));
            Attribution a = method.attribute(session, tokenizer, input, null, TARGET,
                    AttributionMethod.Baseline.PAD_TOKENS, AttributionMethod.Rule.GAUSS_LEGENDRE, STEPS);
            System.out.printf(java.util.Locale.ROOT, "%nIG on %s, %d tokens: F(x) %.6f F(b) %.6f delta %.3e%n",
                    engine, a.tokens().length, a.outputAtInput(), a.outputAtBaseline(), a.convergenceDelta());
        }

        @TearDown(Level.Trial)
        public void close() {
            session.close();
            model.close();
        }
    }

    /**
     * One text through a plain forward pass ({@code what = forward}: the baseline, encoded as a capture encodes it) or
     * through the {@code AttentionCapture} service ({@code what = capture}: the same pass keeping every layer's
     * attention, stacked into {@code [6, 12, n, n]}). One method with a parameter rather than two methods, so that
     * JMH runs the two back to back for each engine and text: on a shared machine the load drifts within a run, and
     * capture's overhead is the difference of the two. (JMH runs the methods in the order of their names, so this one
     * runs before {@link #integratedGradients}, which then finds the pure-Java engine's kernels compiled.)
     */
    @Benchmark
    public Object attention(Inference state) {
        if (state.capturing) {
            return state.capture.capture(state.model, state.tokenizer, state.input, null);
        }
        Encoding encoding = EngineAttentionCapture.encode(state.model, state.tokenizer, state.input, null);
        int[] mask = new int[encoding.length()];
        Arrays.fill(mask, 1);
        return state.model.forward(new Batch(new int[][] {encoding.ids()}, new int[][] {encoding.typeIds()},
                new int[][] {mask})).lastHiddenState();
    }

    /**
     * The {@code AttributionMethod} service on the short text: 50 Gauss-Legendre points, {@code [PAD]} baseline. A
     * call takes seconds, so an iteration is one call: one call at set-up (printed), 1 warm-up and 3 measured calls per
     * engine (unless -wi/-i/-w/-r on the command line override these for every benchmark).
     */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public Object integratedGradients(Attributing state) {
        return state.method.attribute(state.session, state.tokenizer, state.input, null, TARGET,
                AttributionMethod.Baseline.PAD_TOKENS, AttributionMethod.Rule.GAUSS_LEGENDRE, STEPS);
    }
}
