package io.bertlab.integration.equinox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.testing.MiniLmFiles;
import io.bertlab.testing.RealSentences;
import io.bertlab.testing.SharedData;
import io.bertlab.testing.oracles.EngineParity;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.LoggerFactory;

/**
 * bertlab in a real OSGi framework chosen by a subclass: the bundles of the features core, tokenizers, models and
 * engine-java, and the embedding example, installed from the same jars the distribution ships, configured through
 * ConfigAdmin as an application embedding them would, and checked against the oracles of the other tests: HuggingFace
 * tokenizers for token ids, ONNX Runtime for the model's hidden states and embeddings. {@link EquinoxIT} runs them in
 * Eclipse Equinox, {@link FelixIT} in Apache Felix as the baseline; each runs in its own JVM with only its framework
 * on the class path.
 *
 * <p>The tests share one framework and run in order; the last one stops it and looks for threads left behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FrameworkChecks {

    private static final List<String> FEATURES = List.of("core", "tokenizers", "models", "engine-java");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The JDK's Vector API, which the pure-Java engine's fast kernels import (optionally). */
    private static final String VECTOR_API = "jdk.incubator.vector";

    private Path work;
    private Framework framework;
    private InFramework osgi;
    private List<Path> jars;
    private final Map<String, String> startFailures = new LinkedHashMap<>();
    private Set<Thread> threadsBefore;
    private OnnxMiniLm onnx;

    /** The framework's name in messages. */
    abstract String name();

    /** The class name of the framework's {@link FrameworkFactory}. */
    abstract String factoryClass();

    /** The framework's own properties, beside what every embedding sets (storage, shared packages, FileInstall). */
    abstract Map<String, String> ownProperties();

    @BeforeAll
    void startFramework() throws Exception {
        threadsBefore = Thread.getAllStackTraces().keySet();
        work = Files.createTempDirectory("bertlab-" + name().toLowerCase(Locale.ROOT));
        Files.createDirectories(work.resolve("deploy"));
        framework = factory().newFramework(frameworkProperties());
        framework.start();
        BundleContext context = framework.getBundleContext();
        osgi = new InFramework(context);

        FeatureBundles features = FeatureBundles.fromBuild();
        jars = new ArrayList<>(features.jarsOf(FEATURES));
        for (String id : System.getProperty("bertlab.extra.bundles").split(",")) {
            jars.add(features.jar(id.strip()));
        }
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            installed.add(context.installBundle(jar.toUri().toString()));
        }
        for (Bundle bundle : installed) {
            try {
                if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                    bundle.start();
                }
            } catch (BundleException e) {
                startFailures.put(bundle.getSymbolicName(), e.getMessage());
            }
        }
        assertTrue(startFailures.isEmpty(), "bundles that did not start on " + name() + ": " + startFailures);

        // what named tokenizers and models need before their configurations arrive (as FileInstall's first pass
        // waits in bin/bertlab): the engine, the tokenizer loader and its WordPiece model, the dispatcher
        osgi.await("io.bertlab.api.model.Engine", "(bertlab.engine=java)");
        osgi.await("io.bertlab.api.tokenizer.TokenizerLoader", "(bertlab.tokenizer.implementation=bertlab)");
        osgi.await("io.bertlab.tokenizer.core.spi.ModelFactory", "(bertlab.tokenizer.model=WordPiece)");
        osgi.await("io.bertlab.api.command.CommandDispatcher", null);

        // all-MiniLM-L6-v2 from its ONNX graph, imported by import-model running in the framework
        Path model = work.resolve("models/minilm");
        osgi.run(work, "import-model", "--onnx", MiniLmFiles.onnx().toString(), "--tokenizer",
                MiniLmFiles.tokenizer().toString(), "--output", model.toString()).requireSuccess();
        osgi.configure("io.bertlab.model", "minilm", Map.of("bertlab.model.name", "minilm",
                "bertlab.model.directory", model.toString(), "bertlab.engine", "java", "bertlab.model.threads", 2));
        osgi.configure("io.bertlab.tokenizer", "minilm", Map.of("bertlab.tokenizer.name", "minilm",
                "file", model.resolve("tokenizer.json").toString()));
        osgi.await("io.bertlab.api.model.Model", "(bertlab.model.name=minilm)");
        osgi.await("io.bertlab.api.tokenizer.Tokenizer", "(bertlab.tokenizer.name=minilm)");
        osgi.await("io.bertlab.api.command.Command", "(bertlab.command.name=similar)");
        onnx = new OnnxMiniLm();
    }

    @AfterAll
    void cleanUp() throws Exception {
        if (onnx != null) {
            onnx.close();
        }
        if (framework != null && framework.getState() != Bundle.RESOLVED) {
            framework.stop();
            framework.waitForStop(60_000);
        }
        if (work != null) {
            try (var paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void everyBundleResolvesAndIsActive() {
        assertEquals(factoryClass(), factory().getClass().getName(), "the framework under test");
        assertTrue(startFailures.isEmpty(), "bundles that did not start on " + name() + ": " + startFailures);
        List<String> listing = new ArrayList<>();
        List<String> notActive = new ArrayList<>();
        Bundle[] bundles = framework.getBundleContext().getBundles();
        for (Bundle bundle : bundles) {
            if (bundle.getBundleId() == 0) {
                continue;
            }
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            String line = state(bundle) + " " + bundle.getSymbolicName() + " " + bundle.getVersion();
            listing.add(line);
            if (!(bundle.getState() == Bundle.ACTIVE || fragment && bundle.getState() == Bundle.RESOLVED)) {
                notActive.add(line);
            }
        }
        assertEquals(jars.size(), bundles.length - 1, "every jar installed: " + listing);
        assertTrue(notActive.isEmpty(), "bundles not ACTIVE on " + name() + ": " + notActive + "\nall: " + listing);
        assertTrue(listing.stream().anyMatch(l -> l.contains(" io.bertlab.example.embedding ")), listing.toString());
    }

    /**
     * The pure-Java engine gets the JDK's Vector API from the system bundle, so it runs its fast kernels here too.
     * Neither framework needs it named: both export the packages of the boot layer's modules, and the JVM runs with
     * {@code --add-modules jdk.incubator.vector}.
     */
    @Test
    @Order(2)
    void thePureJavaEngineIsWiredToTheVectorApi() {
        assertTrue(ModuleLayer.boot().findModule(VECTOR_API).isPresent(),
                "the test JVM runs with --add-modules " + VECTOR_API + " (see the failsafe argLine)");
        BundleWiring wiring = osgi.bundle("io.bertlab.engine.java").adapt(BundleWiring.class);
        List<String> wired = wiring.getRequiredWires("osgi.wiring.package").stream()
                .map(BundleWire::getCapability).map(c -> (String) c.getAttributes().get("osgi.wiring.package"))
                .toList();
        assertTrue(wired.contains(VECTOR_API), "io.bertlab.engine.java's package wires: " + wired);
    }

    /** bertlab's own report, run in the framework: every bundle active, every component satisfied, no failure. */
    @Test
    @Order(3)
    void featuresCommandFindsEveryComponentSatisfied() throws Exception {
        InFramework.Run run = osgi.run(work, "features");
        assertEquals(0, run.status(), run.out() + run.err());
        System.out.println(name() + ": 'features' says " + run.out().lines().filter(l -> l.startsWith("Summary: "))
                .findFirst().orElseThrow(() -> new AssertionError("no summary: " + run.out())));
        assertTrue(osgi.commands().keySet().containsAll(List.of("tokenize", "embed", "import-model", "similar",
                "features", "models", "train-tokenizer")), "commands: " + osgi.commands().keySet());
    }

    /** The named Tokenizer service (bert-base-uncased) gives HF's tokens, ids and type ids on real text. */
    @Test
    @Order(4)
    void tokenizerServiceGivesHuggingFacesEncodings() throws Exception {
        Path file = SharedData.require("tokenizers/bert-base-uncased/tokenizer.json");
        Object tokenizer = uncasedTokenizer(file);
        Class<?> tokenizerType = osgi.type("io.bertlab.api", "io.bertlab.api.tokenizer.Tokenizer");
        Class<?> optionsType = osgi.type("io.bertlab.api", "io.bertlab.api.tokenizer.EncodeOptions");
        Method encode = tokenizerType.getMethod("encode", String.class);
        Method encodePair = tokenizerType.getMethod("encodePair", String.class, String.class, optionsType);
        Object defaults = tokenizerType.getMethod("defaults").invoke(tokenizer);
        List<RealSentences.Input> inputs = RealSentences.collect(3);
        int pairs = 0;
        List<String> mismatches = new ArrayList<>();
        try (HuggingFaceTokenizer oracle = HuggingFaceTokenizer.of(file)) {
            for (RealSentences.Input input : inputs) {
                Object encoding;
                HuggingFaceTokenizer.Encoded expected;
                if (input.second() == null) {
                    encoding = encode.invoke(tokenizer, input.first());
                    expected = oracle.encode(input.first());
                } else {
                    encoding = encodePair.invoke(tokenizer, input.first(), input.second(), defaults);
                    expected = oracle.encodePair(input.first(), input.second());
                    pairs++;
                }
                HuggingFaceTokenizer.Encoded actual = encoded(encoding);
                if (!Arrays.equals(expected.ids(), actual.ids()) || !Arrays.equals(expected.typeIds(), actual.typeIds())
                        || !Arrays.equals(expected.tokens(), actual.tokens())) {
                    mismatches.add(input.source() + ": " + input.first() + "\n  HF: "
                            + Arrays.toString(expected.tokens()) + "\n  " + name() + ": "
                            + Arrays.toString(actual.tokens()));
                }
            }
        }
        assertTrue(inputs.size() > 100 && pairs > 0, inputs.size() + " inputs, " + pairs + " pairs");
        System.out.printf("%s: Tokenizer service vs HF tokenizers on %d inputs (%d pairs): %d differ%n",
                name(), inputs.size(), pairs, mismatches.size());
        assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + inputs.size() + " inputs differ from HF:\n"
                + String.join("\n", mismatches.subList(0, Math.min(5, mismatches.size()))));
    }

    /** {@code tokenize} prints HF's encodings, for a named tokenizer and a tokenizer file, single texts and pairs. */
    @Test
    @Order(5)
    void tokenizeCommandPrintsHuggingFacesEncodings() throws Exception {
        Path file = SharedData.require("tokenizers/bert-base-uncased/tokenizer.json");
        uncasedTokenizer(file);
        List<String[]> rows = mrpcRows(4);
        List<String> texts = rows.stream().map(r -> r[0]).toList();
        List<String> arguments = new ArrayList<>(List.of("tokenize", "--tokenizer", "uncased", "--format", "jsonl"));
        arguments.addAll(texts);
        List<JsonNode> byName = jsonLines(osgi.run(work, arguments.toArray(String[]::new)).requireSuccess().out());
        List<JsonNode> pair = jsonLines(osgi.run(work, "tokenize", "--tokenizer", file.toString(), "--format", "jsonl",
                "--pair", rows.get(0)[0], rows.get(0)[1]).requireSuccess().out());
        try (HuggingFaceTokenizer oracle = HuggingFaceTokenizer.of(file)) {
            assertEquals(texts.size(), byName.size());
            for (int i = 0; i < texts.size(); i++) {
                assertPrinted(oracle.encode(texts.get(i)), byName.get(i), texts.get(i));
            }
            assertEquals(1, pair.size());
            assertPrinted(oracle.encodePair(rows.get(0)[0], rows.get(0)[1]), pair.get(0), "the pair of MRPC's row 1");
        }
    }

    /**
     * The named Model service (all-MiniLM-L6-v2 on the pure-Java engine) gives ONNX Runtime's last hidden state on
     * padded batches of real sentences and pairs, within the engines' parity tolerance.
     */
    @Test
    @Order(6)
    void modelServiceMatchesOnnxRuntime() throws Exception {
        List<RealSentences.Input> all = RealSentences.collect(1);
        List<RealSentences.Input> inputs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % 5 == 0 || all.get(i).second() != null) {
                inputs.add(all.get(i));
            }
        }
        Object model = osgi.service("io.bertlab.api.model.Model", "(bertlab.model.name=minilm)");
        Class<?> batchType = osgi.type("io.bertlab.api", "io.bertlab.api.model.Batch");
        Constructor<?> batchOf = batchType.getConstructor(int[][].class, int[][].class, int[][].class);
        Method forward = osgi.type("io.bertlab.api", "io.bertlab.api.model.Model").getMethod("forward", batchType);
        Method lastHiddenState = osgi.type("io.bertlab.api", "io.bertlab.api.model.ForwardResult")
                .getMethod("lastHiddenState");
        Class<?> tensorType = osgi.type("io.bertlab.api", "io.bertlab.api.model.Tensor");
        Method toArray = tensorType.getMethod("toArray");
        Method shape = tensorType.getMethod("shape");

        double largest = 0;
        int paddedRows = 0;
        for (int start = 0; start < inputs.size(); start += 8) {
            List<HuggingFaceTokenizer.Encoded> group = new ArrayList<>();
            for (RealSentences.Input input : inputs.subList(start, Math.min(inputs.size(), start + 8))) {
                group.add(input.second() == null ? onnx.tokenizer().encode(input.first())
                        : onnx.tokenizer().encodePair(input.first(), input.second()));
            }
            int length = group.stream().mapToInt(e -> e.ids().length).max().orElseThrow();
            int[][] ids = new int[group.size()][length];
            int[][] types = new int[group.size()][length];
            int[][] mask = new int[group.size()][length];
            for (int row = 0; row < group.size(); row++) {
                HuggingFaceTokenizer.Encoded e = group.get(row);
                System.arraycopy(e.ids(), 0, ids[row], 0, e.ids().length);
                System.arraycopy(e.typeIds(), 0, types[row], 0, e.ids().length);
                System.arraycopy(e.attentionMask(), 0, mask[row], 0, e.ids().length);
                paddedRows += e.ids().length < length ? 1 : 0;
            }
            Object state = lastHiddenState.invoke(forward.invoke(model, batchOf.newInstance(ids, types, mask)));
            float[] actual = (float[]) toArray.invoke(state);
            float[][][] expected = onnx.lastHiddenState(ids, types, mask);
            int hidden = expected[0][0].length;
            assertArrayEquals(new int[] {group.size(), length, hidden}, (int[]) shape.invoke(state));
            for (int row = 0; row < group.size(); row++) {
                for (int position = 0; position < length; position++) {
                    for (int i = 0; i < hidden; i++) {
                        double difference = Math.abs(actual[(row * length + position) * hidden + i]
                                - expected[row][position][i]);
                        largest = Math.max(largest, difference);
                    }
                }
            }
        }
        System.out.printf("%s: Model service vs ONNX Runtime on %d inputs (%d padded rows): largest max-abs"
                + " difference %.3g%n", name(), inputs.size(), paddedRows, largest);
        assertTrue(paddedRows > 0, "the batches must include padded rows");
        // the tolerance every engine meets against ONNX Runtime (EngineParity): the framework must change nothing
        assertTrue(largest <= EngineParity.TOLERANCE, "largest |" + name() + " - ONNX Runtime| = " + largest);
    }

    /** {@code embed} prints the mean of ONNX Runtime's last hidden state over each text's tokens. */
    @Test
    @Order(7)
    void embedCommandPrintsOnnxRuntimesMeanPooledEmbeddings() throws Exception {
        List<String> texts = mrpcRows(6).stream().map(r -> r[1]).toList();
        List<String> arguments = new ArrayList<>(List.of("embed", "--model", "minilm"));
        arguments.addAll(texts);
        List<JsonNode> lines = jsonLines(osgi.run(work, arguments.toArray(String[]::new)).requireSuccess().out());
        assertEquals(texts.size(), lines.size());
        for (int i = 0; i < texts.size(); i++) {
            JsonNode line = lines.get(i);
            assertEquals(i, line.path("index").asInt());
            assertEquals(texts.get(i), line.path("text").asText());
            HuggingFaceTokenizer.Encoded encoded = onnx.tokenizer().encode(texts.get(i));
            assertEquals(encoded.attended(), line.path("tokens").asInt(), "tokens of " + texts.get(i));
            double[] expected = onnx.meanPooled(texts.get(i));
            float[] maxAbsState = new float[1];
            for (float[] state : onnx.lastHiddenState(new int[][] {encoded.ids()}, new int[][] {encoded.typeIds()},
                    new int[][] {encoded.attentionMask()})[0]) {
                for (float v : state) {
                    maxAbsState[0] = Math.max(maxAbsState[0], Math.abs(v));
                }
            }
            // Each hidden state is within EngineParity.TOLERANCE of ONNX Runtime's, so their mean is too; embed sums
            // n of them in float: recursive summation adds at most (n - 1) * 2^-24 * max|state| to the mean.
            double tolerance = EngineParity.TOLERANCE + (encoded.attended() - 1) * 0x1p-24 * maxAbsState[0];
            JsonNode embedding = line.path("embedding");
            assertEquals(expected.length, embedding.size());
            for (int j = 0; j < expected.length; j++) {
                double difference = Math.abs(embedding.get(j).asDouble() - expected[j]);
                assertTrue(difference <= tolerance, "component " + j + " of text " + i + " differs by " + difference
                        + " > " + tolerance);
            }
        }
    }

    /**
     * The example application: {@code similar} ranks sentences as the cosines of ONNX Runtime's sentence
     * embeddings do, and prints those cosines.
     */
    @Test
    @Order(8)
    void exampleSimilarCommandRanksAsOnnxRuntimeEmbeddingsDo() throws Exception {
        List<String[]> rows = mrpcRows(6);
        String query = rows.get(0)[0];
        List<String> candidates = new ArrayList<>();
        candidates.add(rows.get(0)[1]);
        rows.subList(1, rows.size()).forEach(r -> candidates.add(r[0]));
        List<String> arguments = new ArrayList<>(List.of("similar", query));
        arguments.addAll(candidates);
        String out = osgi.run(work, arguments.toArray(String[]::new)).requireSuccess().out();
        System.out.println(name() + ": similar \"" + query + "\"\n" + out.strip());

        List<String> texts = new ArrayList<>(List.of(query));
        texts.addAll(candidates);
        double[][] embeddings = onnx.sentenceEmbeddings(texts);
        Map<String, Double> expected = new HashMap<>();
        double smallestNorm = Double.MAX_VALUE;
        for (int i = 0; i < texts.size(); i++) {
            smallestNorm = Math.min(smallestNorm, OnnxMiniLm.norm(onnx.meanPooled(texts.get(i))));
            if (i > 0) {
                expected.put(texts.get(i), dot(embeddings[0], embeddings[i]));
            }
        }
        // Hidden states within EngineParity.TOLERANCE per component put the (double) mean m within
        // d = TOLERANCE * sqrt(384) in length; m / |m| then moves at most 2 d / |m|, and a cosine of two such unit
        // vectors at most 4 d / min|m|; the output rounds to 4 decimals (5e-5).
        double tolerance = 4 * EngineParity.TOLERANCE * Math.sqrt(384) / smallestNorm + 5e-5;
        List<String> lines = out.lines().toList();
        assertEquals(candidates.size(), lines.size(), out);
        List<String> printedOrder = new ArrayList<>();
        double previous = Double.MAX_VALUE;
        for (String line : lines) {
            String[] fields = line.split("\t", 2);
            double score = Double.parseDouble(fields[0]);
            assertTrue(expected.containsKey(fields[1]), "not a candidate: " + line);
            assertTrue(Math.abs(score - expected.get(fields[1])) <= tolerance,
                    line + ": ONNX Runtime's cosine is " + expected.get(fields[1]) + ", tolerance " + tolerance);
            assertTrue(score <= previous, "ranked from the most to the least similar: " + out);
            previous = score;
            printedOrder.add(fields[1]);
        }
        assertEquals(Set.copyOf(candidates), Set.copyOf(printedOrder));
        // any two sentences whose reference cosines are further apart than both errors together keep their order
        for (int i = 0; i < printedOrder.size(); i++) {
            for (int j = i + 1; j < printedOrder.size(); j++) {
                double gap = expected.get(printedOrder.get(i)) - expected.get(printedOrder.get(j));
                assertTrue(gap > -2 * tolerance, "ranked against ONNX Runtime: " + printedOrder.get(i) + " above "
                        + printedOrder.get(j) + "\n" + out);
            }
        }
    }

    /** The example's references follow its configuration: another model target unbinds it, the default returns. */
    @Test
    @Order(9)
    void exampleFollowsItsConfiguredTargets() throws Exception {
        osgi.configureSingleton("io.bertlab.example.embedding", Map.of("model.target",
                "(bertlab.model.name=not-configured)"));
        assertTrue(osgi.eventually(() -> !osgi.commands().containsKey("similar")),
                "'similar' stays while its model target matches no service");
        InFramework.Run run = osgi.run(work, "similar", "a", "b");
        assertEquals(2, run.status(), "an unknown command is a usage error: " + run);
        osgi.configureSingleton("io.bertlab.example.embedding", Map.of("model.target",
                "(bertlab.model.name=minilm)"));
        assertTrue(osgi.eventually(() -> osgi.commands().containsKey("similar")), "'similar' is back");
        String out = osgi.run(work, "similar", "--top", "1", "A man is playing a guitar.", "It is raining.",
                "Someone plays the guitar.").requireSuccess().out();
        assertEquals(1, out.lines().count(), out);
    }

    /** Stopping the framework stops every bertlab thread, and no thread that keeps a JVM alive is left. */
    @Test
    @Order(10)
    void stoppingTheFrameworkLeavesNoBertlabThreads() throws Exception {
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("bertlab-")),
                "the engine's threads run before the stop (the model has 2 threads)");
        framework.stop();
        FrameworkEvent event = framework.waitForStop(60_000);
        assertEquals(FrameworkEvent.STOPPED, event.getType(), "stopped: " + event);
        List<Thread> left = List.of();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                    .filter(t -> t.getName().startsWith("bertlab") || !t.isDaemon() && !threadsBefore.contains(t))
                    .toList();
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(left.isEmpty(), "threads left after the framework stopped: " + left.stream()
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : "") + " " + Arrays.toString(t.getStackTrace()))
                .collect(Collectors.joining("\n")));
    }

    private Object uncasedTokenizer(Path file) throws Exception {
        osgi.configure("io.bertlab.tokenizer", "uncased", Map.of("bertlab.tokenizer.name", "uncased",
                "file", file.toString()));
        return osgi.service("io.bertlab.api.tokenizer.Tokenizer", "(bertlab.tokenizer.name=uncased)");
    }

    private HuggingFaceTokenizer.Encoded encoded(Object encoding) throws Exception {
        Class<?> type = osgi.type("io.bertlab.api", "io.bertlab.api.tokenizer.Encoding");
        return new HuggingFaceTokenizer.Encoded((String[]) type.getMethod("tokens").invoke(encoding),
                (int[]) type.getMethod("ids").invoke(encoding), (int[]) type.getMethod("typeIds").invoke(encoding),
                (int[]) type.getMethod("attentionMask").invoke(encoding));
    }

    private static void assertPrinted(HuggingFaceTokenizer.Encoded expected, JsonNode printed, String text) {
        assertEquals(List.of(expected.tokens()), strings(printed.path("tokens")), "tokens of " + text);
        assertArrayEquals(expected.ids(), ints(printed.path("ids")), "ids of " + text);
        assertArrayEquals(expected.typeIds(), ints(printed.path("type_ids")), "type ids of " + text);
        assertArrayEquals(expected.attentionMask(), ints(printed.path("attention_mask")), "mask of " + text);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static int[] ints(JsonNode array) {
        return IntStream.range(0, array.size()).map(i -> array.get(i).asInt()).toArray();
    }

    private static List<JsonNode> jsonLines(String out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.lines().filter(l -> !l.isBlank()).toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    /** The first rows of MRPC's dev split that are paraphrases: {@code [#1 String, #2 String]}. */
    private static List<String[]> mrpcRows(int count) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("glue/MRPC/dev.tsv"));
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split("\t"));
        int quality = header.indexOf("Quality");
        int first = header.indexOf("#1 String");
        int second = header.indexOf("#2 String");
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split("\t");
            if (fields.length > second && fields[quality].equals("1") && rows.size() < count) {
                rows.add(new String[] {fields[first], fields[second]});
            }
        }
        assertEquals(count, rows.size(), "paraphrase rows in MRPC's dev split");
        return rows;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    /** The framework's factory, the only one on this JVM's class path (see the failsafe executions). */
    private FrameworkFactory factory() {
        List<FrameworkFactory> factories = ServiceLoader.load(FrameworkFactory.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        assertEquals(List.of(factoryClass()), factories.stream().map(f -> f.getClass().getName()).toList(),
                "exactly one framework, " + name() + ", on the test class path");
        return factories.get(0);
    }

    /**
     * What an application embedding bertlab sets: private storage; the slf4j API from the class path, as bin/bertlab
     * exports it (io.bertlab.runtime imports it); FileInstall's folder; and the framework's own properties.
     */
    private Map<String, String> frameworkProperties() {
        Map<String, String> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, work.resolve("storage").toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        String slf4j = LoggerFactory.class.getPackage().getImplementationVersion();
        assertNotNull(slf4j, "slf4j-api's version from its manifest");
        List<String> shared = new ArrayList<>();
        for (String slf4jPackage : List.of("org.slf4j", "org.slf4j.spi", "org.slf4j.event", "org.slf4j.helpers")) {
            shared.add(slf4jPackage + ";version=" + slf4j);
        }
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", shared));
        properties.put("felix.fileinstall.dir", work.resolve("deploy").toString());
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.putAll(ownProperties());
        return properties;
    }
}
