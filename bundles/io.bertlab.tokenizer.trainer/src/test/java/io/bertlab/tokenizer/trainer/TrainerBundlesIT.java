package io.bertlab.tokenizer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerTrainer;
import io.bertlab.api.tokenizer.TrainerSettings;
import io.bertlab.api.tokenizer.TrainingResult;
import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.SharedData;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The trainer and Unigram bundles in a real Felix framework with Declarative Services: every component is satisfied,
 * the BPE trainer service replays the course example, {@code train-tokenizer} trains through the service registered
 * under its {@code --model} name, and the tokenizer loader reads a Unigram model through the Unigram plugin. The API comes from the class path (exported by the system bundle) so that the test shares its
 * types with the bundles.
 */
class TrainerBundlesIT {

    private static final List<String> BUNDLES = List.of("jackson-core", "jackson-annotations", "jackson-databind",
            "org.osgi.util.function", "org.osgi.util.promise", "org.osgi.service.component", "org.apache.felix.scr",
            "io.bertlab.tokenizer.core",
            "io.bertlab.tokenizer.bpe", "io.bertlab.tokenizer.wordpiece", "io.bertlab.tokenizer.unigram");
    private static final long TIMEOUT_MILLIS = 10_000;

    private static Framework framework;

    @TempDir
    static Path storage;

    @BeforeAll
    static void startFramework() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, exportsOf(classPathJar("io.bertlab.api")));
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        BundleContext context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (String name : BUNDLES) {
            installed.add(context.installBundle(classPathJar(name).toUri().toString()));
        }
        installed.add(context.installBundle(Path.of(System.getProperty("bertlab.bundle.under.test")).toUri()
                .toString()));
        for (Bundle b : installed) {
            b.start();
        }
    }

    @AfterAll
    static void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(TIMEOUT_MILLIS);
    }

    @Test
    void everyComponentIsSatisfied() throws Exception {
        for (String trainer : List.of("bpe", "byte-level-bpe", "wordpiece", "unigram")) {
            assertNotNull(service(TokenizerTrainer.class, "(bertlab.tokenizer.trainer=" + trainer + ")"), trainer);
        }
        assertNotNull(service(Command.class, "(bertlab.command.name=train-tokenizer)"));
        // The test does not see the core's SPI types, so it asks for all references regardless of class space.
        assertNotNull(framework.getBundleContext().getAllServiceReferences(
                "io.bertlab.tokenizer.core.spi.ModelFactory", "(bertlab.tokenizer.model=Unigram)"),
                "the Unigram model plugin");
    }

    @Test
    void bpeTrainerServiceReplaysTheCourseExample(@TempDir Path dir) throws Exception {
        List<String> words = new ArrayList<>();
        words.addAll(Collections.nCopies(10, "mau"));
        words.addAll(Collections.nCopies(5, "baú"));
        words.addAll(Collections.nCopies(7, "itaú"));
        words.addAll(Collections.nCopies(10, "uau"));
        TokenizerTrainer trainer = service(TokenizerTrainer.class, "(bertlab.tokenizer.trainer=bpe)");
        TrainingResult result = trainer.train(words, new TrainerSettings(20, 0, List.of("<unk>"), 0, List.of(), "",
                "", Map.of("unk_token", "<unk>")), null);
        Path file = dir.resolve("course.json");
        result.save(file);
        assertEquals(HuggingFaceTrainerOutput.read(SharedData.reference("trainers/course-example-bpe.json")).merges(),
                HuggingFaceTrainerOutput.read(file).merges());
        assertEquals(List.of("au", "<unk>"), Arrays.asList(result.tokenizer().encode("auê").tokens()));
    }

    @Test
    void loaderReadsUnigramModelsThroughThePlugin(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tokenizer.json");
        Files.writeString(file, """
                {"pre_tokenizer": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always",
                                   "split": true},
                 "model": {"type": "Unigram", "unk_id": 0,
                           "vocab": [["<unk>", 0.0], ["\u2581a", -1.0], ["\u2581", -2.0], ["b", -2.5], ["ab", -1.0]]}}
                """, StandardCharsets.UTF_8);
        TokenizerLoader loader = service(TokenizerLoader.class, "(bertlab.tokenizer.implementation=bertlab)");
        // "▁ab" is "▁a" "b" (-3.5) or "▁" "ab" (-3.0): Viterbi takes the latter
        assertEquals(List.of("\u2581", "ab", "\u2581a"), Arrays.asList(loader.load(file).encode("ab a").tokens()));
    }

    /** The command run in the framework writes byte for byte what the service registered under --model trains. */
    @ParameterizedTest
    @CsvSource({"bpe, --lowercase", "byte-level-bpe, --strip-accents", "wordpiece, --lowercase", "unigram, ''"})
    void commandTrainsWithTheServiceRegisteredUnderTheModelName(String model, String flag, @TempDir Path dir)
            throws Exception {
        Files.write(dir.resolve("corpus.txt"), Files.readAllLines(SharedData.require("text/dom_casmurro_pt.txt"))
                .subList(0, 200), StandardCharsets.UTF_8);
        List<String> arguments = new ArrayList<>(List.of("--model", model, "--vocab-size", "300", "--min-frequency",
                "2", "--output", "command.json", "corpus.txt"));
        if (!flag.isEmpty()) {
            arguments.add(0, flag);
        }
        assertEquals(0, runCommand(dir, arguments));

        List<String> specials = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");
        Map<String, String> options = model.equals("bpe") || model.equals("unigram") ? Map.of("unk_token", "[UNK]")
                : Map.of();
        TrainerSettings settings = new TrainerSettings(300, 2, specials, 0, List.of(), "", "", options)
                .withNormalization(flag.equals("--lowercase"), flag.equals("--strip-accents") ? Boolean.TRUE : null);
        TokenizerTrainer trainer = service(TokenizerTrainer.class, "(bertlab.tokenizer.trainer=" + model + ")");
        // the same corpus as the command's: lines with their endings, which Metaspace keeps
        trainer.train(new CorpusFiles(List.of(dir.resolve("corpus.txt"))), settings, null)
                .save(dir.resolve("service.json"));
        assertEquals(Files.readString(dir.resolve("service.json")), Files.readString(dir.resolve("command.json")));
    }

    /** A trainer registered under a name the command already knows, ranked higher, is the one the command runs. */
    @Test
    void commandRunsTheHighestRankedTrainerOfTheName(@TempDir Path dir) throws Exception {
        TokenizerTrainer bpe = service(TokenizerTrainer.class, "(bertlab.tokenizer.trainer=bpe)");
        AtomicInteger calls = new AtomicInteger();
        TokenizerTrainer counting = (corpus, settings, template, progress) -> {
            calls.incrementAndGet();
            return bpe.train(corpus, settings, template, progress);
        };
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("bertlab.tokenizer.trainer", "bpe");
        properties.put(Constants.SERVICE_RANKING, 100);
        Files.writeString(dir.resolve("words.txt"), "mau\nbaú\nitaú\nuau\n", StandardCharsets.UTF_8);
        List<String> arguments = List.of("--model", "bpe", "--vocab-size", "20", "--special-tokens", "<unk>",
                "--output", "x.json", "words.txt");
        ServiceRegistration<TokenizerTrainer> registration = framework.getBundleContext()
                .registerService(TokenizerTrainer.class, counting, properties);
        try {
            assertEquals(0, runCommand(dir, arguments));
            assertEquals(1, calls.get());
        } finally {
            registration.unregister();
        }
        assertEquals(0, runCommand(dir, arguments));
        assertEquals(1, calls.get(), "once it is gone, the bundle's own trainer serves again");
    }

    /** Runs train-tokenizer while holding the service, as the dispatcher does: SCR unbinds a released component. */
    private static int runCommand(Path dir, List<String> arguments) throws Exception {
        BundleContext context = framework.getBundleContext();
        ServiceTracker<Command, Command> tracker = new ServiceTracker<>(context, context.createFilter(
                "(&(objectClass=" + Command.class.getName() + ")(bertlab.command.name=train-tokenizer))"), null);
        tracker.open();
        try {
            return tracker.waitForService(TIMEOUT_MILLIS).run(context(dir, arguments));
        } finally {
            tracker.close();
        }
    }

    /** A call whose output is not needed: the files it writes are what the tests compare. */
    private static CommandContext context(Path dir, List<String> arguments) {
        return new CapturingContext(dir, arguments.toArray(new String[0]));
    }

    private static <T> T service(Class<T> type, String filter) throws Exception {
        BundleContext context = framework.getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, context.createFilter("(&(objectClass="
                + type.getName() + ")" + filter + ")"), null);
        tracker.open();
        try {
            return tracker.waitForService(TIMEOUT_MILLIS);
        } finally {
            tracker.close();
        }
    }

    /** The jar on the test class path whose file name starts with the artifact's name. */
    private static Path classPathJar(String artifact) {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (name.endsWith(".jar") && name.startsWith(artifact + "-")) {
                return path;
            }
        }
        throw new IllegalStateException(artifact + " is not on the test class path");
    }

    private static String exportsOf(Path jar) throws Exception {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
        }
    }
}
