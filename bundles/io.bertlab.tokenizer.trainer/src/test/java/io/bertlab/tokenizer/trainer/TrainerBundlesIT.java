package io.bertlab.tokenizer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.bertlab.api.command.Command;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerTrainer;
import io.bertlab.api.tokenizer.TrainerSettings;
import io.bertlab.api.tokenizer.TrainingResult;
import io.bertlab.testing.SharedData;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The trainer and Unigram bundles in a real Felix framework with Declarative Services: every component is satisfied,
 * the BPE trainer service replays the course example, and the tokenizer loader reads a Unigram model through the
 * Unigram plugin. The API comes from the class path (exported by the system bundle) so that the test shares its
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
