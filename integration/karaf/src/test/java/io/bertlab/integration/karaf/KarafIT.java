package io.bertlab.integration.karaf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.testing.MiniLmFiles;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated features repository in a real Apache Karaf, driven from Karaf's own console over SSH
 * ({@code bin/client}), offline: the repository is added by its Maven URL, the tokenizer, model, pure-Java engine and
 * shell features are installed, {@code bertlab:tokenize} and {@code bertlab:embed} answer as HF tokenizers and ONNX
 * Runtime do, and after {@code feature:uninstall} nothing of bertlab is left (bundles, threads, commands,
 * configuration) while a reinstall, without restarting Karaf, brings every service back with the same answers; then
 * Karaf is restarted on the same instance folder: the features stay installed and started, and the named tokenizer,
 * configured in {@code etc/}, gives the same answers.
 */
class KarafIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SERVICES = Duration.ofSeconds(60);
    private static final Duration KARAF_START = Duration.ofSeconds(180);
    /**
     * How long, after a restart, {@code bertlab:tokenize --tokenizer uncased} may keep failing: the named tokenizer
     * tries a failed load again at most once a second, when called.
     */
    private static final Duration RESTART_RETRY = Duration.ofSeconds(15);
    /** The pure-Java engine's agreement with ONNX Runtime, as in the engines' parity test. */
    private static final double TOLERANCE = 1e-4;
    private static final List<String> TOKENIZE = List.of("Quero um cartão adicional",
            "The quick brown fox jumped over 3.5 lazy dogs, twice.");
    private static final List<String> EMBED = List.of("A man is playing a guitar.", "Quero um cartão adicional");
    private static final String FEATURES = "bertlab-shell bertlab-tokenizers bertlab-models bertlab-engine-java"
            + " bertlab-minilm";

    private final Map<String, Duration> timings = new LinkedHashMap<>();
    private long started;

    @Test
    void featuresInstallAnswerUninstallWithoutTraceReinstallAndSurviveRestart() throws Exception {
        Path uncased = SharedData.require("tokenizers/bert-base-uncased/tokenizer.json");
        Path distribution = Paths.get(System.getProperty("karaf.home", "target/karaf-dist")).toAbsolutePath();
        Path repository = Paths.get(System.getProperty("karaf.repository", "target/karaf-repository")).toAbsolutePath();
        String featuresUrl = System.getProperty("karaf.features.url");
        Path work = Paths.get(System.getProperty("karaf.work", "target/karaf-it")).toAbsolutePath();
        assertTrue(featuresUrl != null && featuresUrl.startsWith("mvn:"), "karaf.features.url: " + featuresUrl);

        // the references first, in this JVM, before Karaf competes for the cores
        start();
        List<Oracles.Encoded> expectedTokens = new ArrayList<>();
        for (String text : TOKENIZE) {
            expectedTokens.add(Oracles.tokenize(uncased, text));
        }
        List<Oracles.Embedding> expectedEmbeddings = new ArrayList<>();
        for (String text : EMBED) {
            expectedEmbeddings.add(Oracles.embed(text));
        }
        lap("references (HF tokenizers, ONNX Runtime) in the test JVM");

        KarafInstance karaf = KarafInstance.create(distribution, work.resolve("karaf"), repository, Map.of(
                // a named tokenizer, as a .cfg in etc/ (Karaf's FileInstall watches it)
                "io.bertlab.tokenizer-uncased.cfg", "bertlab.tokenizer.name = uncased\nfile = "
                        + uncased.toString().replace("\\", "\\\\") + "\n"));
        Path minilm = karaf.home().resolve("models/minilm");
        try (karaf) {
            lap("copy and configure Karaf");
            String javaOptions = "--add-modules jdk.incubator.vector " + System.getProperty("test.cpu.flags", "");
            karaf.start(javaOptions, KARAF_START);
            lap("start Karaf (bin/karaf server) until the console answers at start level 100");

            KarafInstance.Sections added = karaf.sections(groups("repo-add", "feature:repo-add " + featuresUrl,
                    "list", "feature:list"));
            String listed = added.ok("list", karaf);
            for (String name : generatedFeatureNames()) {
                assertTrue(listed.matches("(?s).*\\n" + name + " +\\|.*"), name + " missing from " + listed);
            }
            lap("feature:repo-add " + featuresUrl + ", feature:list");

            // ---- install, then the commands from Karaf's console
            install(karaf, "bertlab-shell bertlab-tokenizers bertlab-models bertlab-engine-java", null);
            lap("feature:install bertlab-shell bertlab-tokenizers bertlab-models bertlab-engine-java");
            KarafInstance.Sections first = karaf.sections(groups(
                    "tokenize", tokenizeCommand(),
                    "import", "bertlab:import-model --onnx \"" + MiniLmFiles.onnx() + "\" --tokenizer \""
                            + MiniLmFiles.tokenizer() + "\" --output \"" + minilm + "\" 2>&1",
                    "install", "feature:install bertlab-minilm"));
            List<JsonNode> tokenized = jsonLines(first.ok("tokenize", karaf), TOKENIZE.size());
            assertTokenized(expectedTokens, tokenized);
            String imported = first.ok("import", karaf);
            assertTrue(imported.contains("6 layers x 384 hidden, 12 heads"), imported);
            first.ok("install", karaf);
            lap("bertlab:tokenize (2 texts), bertlab:import-model (all-MiniLM-L6-v2 from ONNX),"
                    + " feature:install bertlab-minilm");
            awaitModel(karaf, minilm);
            lap("the named model minilm serving (model loaded)");
            KarafInstance.Sections answers = karaf.sections(groups("embed", embedCommand(),
                    "engines", "bertlab:engines 2>&1", "features", "feature:list -i", "threads", "threads --list"));
            List<JsonNode> embedded = jsonLines(answers.ok("embed", karaf), EMBED.size());
            assertEmbedded(expectedEmbeddings, embedded);
            // the system bundle exports the JDK's Vector API (etc/config.properties): the fast kernels are in use
            assertTrue(answers.ok("engines", karaf).lines().anyMatch(l -> l.startsWith("java ")
                    && l.contains("vector-")), answers.ok("engines", karaf));
            String installed = answers.ok("features", karaf);
            for (String name : (FEATURES + " bertlab-core scr").split(" ")) {
                assertTrue(installed.matches("(?s).*\\n" + name + " +\\|[^\\n]*\\| Started +\\|.*"),
                        name + " not started: " + installed);
            }
            if (Runtime.getRuntime().availableProcessors() > 1) {
                // the engine's helper threads exist now, so their absence below means something
                assertTrue(answers.ok("threads", karaf).contains("bertlab-java-engine-"),
                        "the pure-Java engine's threads should run while the model is loaded");
            }
            lap("bertlab:embed --normalize (2 texts, the default model minilm), bertlab:engines, feature:list -i,"
                    + " threads --list");

            // ---- uninstall: no bundle, thread, command or configuration of bertlab stays behind
            KarafInstance.Sections after = karaf.sections(groups(
                    "uninstall", "feature:uninstall -c " + FEATURES,
                    "bundles", "bundle:list -s -t 0",
                    "configurations", "config:list \"(service.factoryPid=io.bertlab.model)\"",
                    "features", "feature:list -i",
                    "threads", "threads --list",
                    "dump", "threads",
                    // last: it fails, which ends the session
                    "help", "bertlab:help"));
            lap("feature:uninstall -c (5 features) and the checks after it");
            assertEquals(List.of("uninstall", "bundles", "configurations", "features", "threads", "dump", "help"),
                    List.copyOf(after.outputs().keySet()), "every check ran: " + after.console());
            assertFalse(after.outputs().get("bundles").contains("io.bertlab"),
                    "bertlab bundles left after uninstall:\n" + after.outputs().get("bundles"));
            assertFalse(after.outputs().get("configurations").contains("minilm"),
                    "the feature's configuration must be gone (-c): " + after.outputs().get("configurations"));
            assertTrue(after.outputs().get("features").lines().noneMatch(l -> l.startsWith("bertlab-")),
                    "no bertlab feature may stay installed: " + after.outputs().get("features"));
            assertTrue(after.console().status() != 0
                    && after.outputs().get("help").contains("Command not found: bertlab:help"),
                    "bertlab's commands must be gone: " + after.outputs().get("help"));
            if (after.outputs().get("threads").contains("bertlab") || after.outputs().get("dump")
                    .contains("io.bertlab.")) {
                // threads of a closed pool end shortly after it closes: give them a little time, then fail
                karaf.await(Duration.ofSeconds(20), threads -> !threads.contains("bertlab"), "threads --list");
                karaf.await(Duration.ofSeconds(20), dump -> !dump.contains("io.bertlab."), "threads");
            }

            // ---- reinstall without a restart: every service back, the same answers
            install(karaf, FEATURES, minilm);
            lap("feature:install (the 5 features again) until commands and model serve");
            KarafInstance.Sections again = karaf.sections(groups("tokenize", tokenizeCommand(),
                    "embed", embedCommand()));
            List<JsonNode> tokenizedAgain = jsonLines(again.ok("tokenize", karaf), TOKENIZE.size());
            assertEquals(tokenized, tokenizedAgain, "tokenize after the reinstall");
            assertTokenized(expectedTokens, tokenizedAgain);
            assertEmbedded(expectedEmbeddings, jsonLines(again.ok("embed", karaf), EMBED.size()));
            lap("bertlab:tokenize and bertlab:embed after the reinstall");

            // ---- restart Karaf on the same instance folder: the features stay installed, and the named tokenizer,
            // whose configuration reaches io.bertlab.tokenizer.service before the model plugins of the bundles
            // started after it are there, answers (it tries a failed load again when called)
            karaf.restart(javaOptions, KARAF_START);
            lap("restart Karaf (SIGTERM, then bin/karaf server on the same folder) until start level 100");
            KarafInstance.Sections restarted = karaf.sections(groups(
                    "features", "feature:list -i",
                    "bundles", "bundle:list -s -t 0",
                    "help", "bertlab:help 2>&1",
                    // last: a failure ends the session
                    "tokenize", tokenizeCommand()));
            assertTrue(restarted.outputs().containsKey("help"), "Karaf console session after the restart failed: "
                    + restarted.console() + "\n" + karaf.diagnostics());
            String persisted = restarted.outputs().get("features");
            for (String name : (FEATURES + " bertlab-core scr").split(" ")) {
                assertTrue(persisted.matches("(?s).*\\n" + name + " +\\|[^\\n]*\\| Started +\\|.*"),
                        name + " not installed and started after the restart: " + persisted);
            }
            // what the check is about: the start order, and whether the named tokenizer failed when it started
            System.out.println("after the restart: " + tokenizerBundles(restarted.outputs().get("bundles"))
                    + "; announced on Karaf's standard output: " + karaf.consoleOutput().lines()
                            .filter(l -> l.startsWith("bertlab: ")).toList());
            List<JsonNode> tokenizedRestarted = tokenizeAfterRestart(karaf, restarted);
            assertEquals(tokenized, tokenizedRestarted, "tokenize after the restart");
            assertTokenized(expectedTokens, tokenizedRestarted);
            lap("feature:list -i, bundle:list, bertlab:tokenize --tokenizer uncased after the restart");
        } finally {
            lap("stop Karaf (or the failure)");
            System.out.println("KarafIT timings:");
            timings.forEach((step, time) -> System.out.printf("  %6.1f s  %s%n", time.toMillis() / 1000.0, step));
            System.out.printf("  %6.1f s  total%n",
                    timings.values().stream().mapToLong(Duration::toMillis).sum() / 1000.0);
        }
    }

    /**
     * Installs features and waits until bertlab's commands are in the console (and the named model serves, when
     * one is given): asked in the same session first, polled only when the services are not up yet.
     */
    private static void install(KarafInstance karaf, String features, Path model) throws Exception {
        KarafInstance.Sections session = karaf.sections(model == null
                ? groups("install", "feature:install " + features, "help", "bertlab:help 2>&1")
                : groups("install", "feature:install " + features, "help", "bertlab:help 2>&1",
                        "models", "bertlab:models 2>&1"));
        assertTrue(session.outputs().containsKey("help"), "feature:install " + features + " failed: "
                + session.console() + "\n" + karaf.diagnostics());
        if (session.console().status() != 0 || !hasCommands(session.outputs().get("help"))) {
            karaf.await(SERVICES, KarafIT::hasCommands, "bertlab:help 2>&1");
        }
        if (model != null && (session.console().status() != 0
                || !servesModel(session.outputs().get("models"), model))) {
            awaitModel(karaf, model);
        }
    }

    /**
     * The answer of {@code bertlab:tokenize --tokenizer uncased} after the restart: the session's, or, when the
     * named tokenizer had not loaded yet (it tries again when called, at most once a second), the first good one of
     * further calls within {@link #RESTART_RETRY}.
     */
    private static List<JsonNode> tokenizeAfterRestart(KarafInstance karaf, KarafInstance.Sections session)
            throws Exception {
        String answer = session.outputs().get("tokenize");
        if (session.console().status() == 0 && answer != null && jsonLineCount(answer) == TOKENIZE.size()) {
            System.out.println("after the restart: bertlab:tokenize --tokenizer uncased answered at the first call");
            return jsonLines(answer, TOKENIZE.size());
        }
        if (!session.outputs().containsKey("tokenize")) {
            // the commands were not there yet
            karaf.await(SERVICES, KarafIT::hasCommands, "bertlab:help 2>&1");
        }
        String first = answer;
        long deadline = System.nanoTime() + RESTART_RETRY.toNanos();
        for (int call = 2; ; call++) {
            KarafInstance.Console console = karaf.run(tokenizeCommand());
            if (console.status() == 0 && jsonLineCount(console.output()) == TOKENIZE.size()) {
                System.out.println("after the restart: bertlab:tokenize --tokenizer uncased answered at call " + call
                        + "; the first answer was: " + first);
                return jsonLines(console.output(), TOKENIZE.size());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("bertlab:tokenize --tokenizer uncased did not answer within "
                        + RESTART_RETRY.toSeconds() + " s after the restart (" + call + " calls); first answer: "
                        + first + "\nlast: " + console + "\n" + karaf.diagnostics());
            }
            Thread.sleep(500);
        }
    }

    /** The ids of the tokenizer bundles (Felix starts them in id order after a restart), from bundle:list -s. */
    private static String tokenizerBundles(String bundles) {
        return bundles == null ? "(no bundle list)" : bundles.lines().filter(l -> l.contains("| io.bertlab.tokenizer"))
                .map(l -> l.substring(l.lastIndexOf('|') + 1).strip() + " #" + l.substring(0, l.indexOf('|')).strip())
                .collect(Collectors.joining(", ", "bundle ids ", ""));
    }

    private static boolean hasCommands(String help) {
        return help.contains("  tokenize ") && help.contains("  embed ") && help.contains("  import-model ");
    }

    private static void awaitModel(KarafInstance karaf, Path directory) throws Exception {
        karaf.await(SERVICES, models -> servesModel(models, directory), "bertlab:models 2>&1");
    }

    /** The named model minilm, from the directory the generated configuration names via ${karaf.base}. */
    private static boolean servesModel(String models, Path directory) {
        return models != null && models.lines().anyMatch(l -> l.startsWith("minilm ")
                && l.contains(directory.toString()));
    }

    private static String tokenizeCommand() {
        return "bertlab:tokenize --tokenizer uncased --format jsonl " + quoted(TOKENIZE) + " 2>&1";
    }

    private static String embedCommand() {
        return "bertlab:embed --normalize " + quoted(EMBED) + " 2>&1";
    }

    private static Map<String, String> groups(String... nameAndCommands) {
        Map<String, String> groups = new LinkedHashMap<>();
        for (int i = 0; i < nameAndCommands.length; i += 2) {
            groups.put(nameAndCommands[i], nameAndCommands[i + 1]);
        }
        return groups;
    }

    private static void assertTokenized(List<Oracles.Encoded> expected, List<JsonNode> printed) {
        for (int i = 0; i < expected.size(); i++) {
            Oracles.Encoded want = expected.get(i);
            JsonNode got = printed.get(i);
            String text = TOKENIZE.get(i);
            assertEquals(List.of(want.tokens()), strings(got.path("tokens")), "tokens of " + text);
            assertArrayEquals(want.ids(), ints(got.path("ids")), "ids of " + text);
            assertArrayEquals(want.typeIds(), ints(got.path("type_ids")), "type_ids of " + text);
            assertArrayEquals(want.attentionMask(), ints(got.path("attention_mask")), "attention_mask of " + text);
            assertArrayEquals(want.specialTokensMask(), ints(got.path("special_tokens_mask")),
                    "special_tokens_mask of " + text);
            for (int t = 0; t < want.offsets().length; t++) {
                assertArrayEquals(want.offsets()[t], ints(got.path("offsets").get(t)),
                        "offsets of token " + t + " (" + want.tokens()[t] + ") of " + text);
            }
        }
    }

    private static void assertEmbedded(List<Oracles.Embedding> expected, List<JsonNode> printed) {
        for (int i = 0; i < expected.size(); i++) {
            JsonNode got = printed.get(i);
            assertEquals(EMBED.get(i), got.path("text").asText(), "texts come back as sent (UTF-8 over SSH)");
            assertEquals(i, got.path("index").asInt());
            assertEquals(expected.get(i).tokens(), got.path("tokens").asInt(), "tokens of " + EMBED.get(i));
            double[] want = expected.get(i).vector();
            JsonNode vector = got.path("embedding");
            assertEquals(want.length, vector.size(), "all-MiniLM-L6-v2's width");
            double largest = IntStream.range(0, want.length).mapToDouble(j -> Math.abs(vector.get(j).asDouble()
                    - want[j])).max().orElseThrow();
            assertTrue(largest <= TOLERANCE, "max |Karaf's bertlab:embed - ONNX Runtime| = " + largest + " for "
                    + EMBED.get(i));
            System.out.printf("bertlab:embed in Karaf vs ONNX Runtime: max-abs difference %.3g (%s)%n", largest,
                    EMBED.get(i));
        }
    }

    private static long jsonLineCount(String output) {
        return output.lines().filter(l -> l.startsWith("{")).count();
    }

    private static List<JsonNode> jsonLines(String output, int expected) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : output.lines().filter(l -> l.startsWith("{")).toList()) {
            lines.add(JSON.readTree(line));
        }
        assertEquals(expected, lines.size(), "JSON lines in: " + output);
        return lines;
    }

    /** The names the generated repository must offer: one per feature file. */
    private static List<String> generatedFeatureNames() throws IOException {
        Path features = Paths.get(System.getProperty("karaf.features.json", "target/features")).toAbsolutePath();
        try (Stream<Path> files = Files.list(features)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> "bertlab-" + n.replaceFirst("\\.json$", "")).sorted().toList();
            assertTrue(names.size() >= 10, "feature files in " + features + ": " + names);
            return names;
        }
    }

    private static String quoted(List<String> texts) {
        return texts.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(" "));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static int[] ints(JsonNode array) {
        return IntStream.range(0, array.size()).map(i -> array.get(i).asInt()).toArray();
    }

    private void start() {
        started = System.nanoTime();
    }

    private void lap(String step) {
        long now = System.nanoTime();
        timings.put(step, Duration.ofNanos(now - started));
        started = now;
    }
}
