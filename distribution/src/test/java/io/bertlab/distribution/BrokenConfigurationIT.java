package io.bertlab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.launcher.BertlabRuntime;
import io.bertlab.launcher.FeatureCatalog;
import io.bertlab.launcher.LaunchOptions;
import io.bertlab.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A named model and a named tokenizer in {@code deploy/} that point at missing files: every command still runs with
 * only its own output on standard output, standard error says once per configuration which file is wrong and why,
 * {@code features} and {@code models} list them as failed, and using either name says why it is unavailable.
 */
class BrokenConfigurationIT {

    private static final String FEATURES = "models,engine-java,tokenizers";
    private static final String MODEL_REASON = "/nonexistent/model: not a model directory";
    private static final String TOKENIZER_REASON = "/nonexistent/tokenizer.json: no such file or folder";

    @TempDir
    Path temp;

    private Path home;
    private Path modelFile;
    private Path tokenizerFile;

    @BeforeEach
    void brokenConfigurations() throws Exception {
        home = Distribution.copy(temp.resolve("bertlab"));
        modelFile = home.resolve("deploy/io.bertlab.model-broken.cfg");
        Files.writeString(modelFile, "bertlab.model.name=broken\nbertlab.model.directory=/nonexistent/model\n");
        tokenizerFile = home.resolve("deploy/io.bertlab.tokenizer-broken.cfg");
        Files.writeString(tokenizerFile, "bertlab.tokenizer.name=broken\nfile=/nonexistent/tokenizer.json\n");
    }

    /**
     * A command activates only the services it uses, so it reports the broken configurations of those: {@code models}
     * the model's, {@code tokenize} the tokenizer's, each once on standard error, with only their own output on
     * standard output. {@code features} tries them all (below).
     */
    @Test
    void standardErrorSaysOnceWhichFileIsWrongAndStandardOutputCarriesOnlyTheOutput() throws Exception {
        Distribution.Run models = Distribution.run(home, "--features", FEATURES, "models");
        assertEquals(List.of("bertlab: model 'broken' (" + modelFile + ") is unavailable: " + MODEL_REASON
                + " (expected a folder holding config.json and model.safetensors)"), models.err().lines().toList(),
                models.toString());
        assertEquals(List.of("Failed configurations:", "  model 'broken' (" + modelFile + ") is unavailable: "
                + MODEL_REASON + " (expected a folder holding config.json and model.safetensors)"),
                models.out().lines().toList(), models.toString());
        assertEquals(1, models.status(), models.toString());

        Distribution.Run tokenize = Distribution.run(home, "--features", FEATURES, "tokenize", "--tokenizer",
                home.resolve("models/minilm/tokenizer.json").toString(), "hello");
        assertEquals(List.of("bertlab: tokenizer 'broken' (" + tokenizerFile + ") is unavailable: "
                + TOKENIZER_REASON), tokenize.err().lines().toList(), tokenize.toString());
        assertTrue(tokenize.out().startsWith("tokens "), tokenize.toString());
        assertEquals(0, tokenize.status(), tokenize.toString());
    }

    @Test
    void featuresListsBothAsFailed() throws Exception {
        Distribution.Run run = Distribution.run(home, "--features", FEATURES, "features");
        assertTrue(run.out().contains("  FAILED      model 'broken' (" + modelFile + ") is unavailable: "
                + MODEL_REASON), run.toString());
        assertTrue(run.out().contains("  FAILED      tokenizer 'broken' (" + tokenizerFile + ") is unavailable: "
                + TOKENIZER_REASON), run.toString());
        assertTrue(run.out().contains("2 configurations failed"), run.toString());
        assertEquals(1, run.status(), run.toString());
    }

    @Test
    void usingANameSaysWhyItIsUnavailable() throws Exception {
        Distribution.Run tokenize = Distribution.run(home, "--features", FEATURES, "tokenize", "--tokenizer",
                "broken", "hello");
        assertEquals(1, tokenize.status(), tokenize.toString());
        assertTrue(tokenize.err().contains("bertlab tokenize: --tokenizer 'broken': tokenizer 'broken' ("
                + tokenizerFile + ") is unavailable: " + TOKENIZER_REASON), tokenize.toString());
        assertEquals("", tokenize.out(), tokenize.toString());

        Distribution.Run embed = Distribution.run(home, "--features", FEATURES, "embed", "--model", "broken", "hi");
        assertEquals(1, embed.status(), embed.toString());
        assertTrue(embed.err().contains("bertlab embed: model 'broken' (" + modelFile + ") is unavailable: "
                + MODEL_REASON), embed.toString());
        assertEquals("", embed.out(), embed.toString());
        assertFalse(embed.err().contains("\tat "), "no stack trace: " + embed);
    }

    /** A change to a working model that cannot load leaves the model serving, says so, and undoing it clears it. */
    @Test
    void aFailedChangeKeepsThePreviousModelAndIsListedUntilUndone() throws Exception {
        Files.delete(tokenizerFile);
        Path tiny = SharedData.reference("bert-tiny");
        String working = "bertlab.model.name=broken\nbertlab.model.directory=" + tiny.toString().replace("\\", "\\\\")
                + "\n";
        Files.writeString(modelFile, working);
        LaunchOptions options = LaunchOptions.parse(new String[] {"--features", FEATURES}, home);
        FeatureCatalog catalog = FeatureCatalog.read(home.resolve("features"));
        Duration wait = Duration.ofSeconds(20);
        try (BertlabRuntime runtime = BertlabRuntime.start(options, catalog, catalog.resolve(options.features()))) {
            BundleContext context = runtime.framework().getBundleContext();
            String before = Distribution.captureOut(() -> assertEquals(0, runtime.execute(List.of("models"))));
            assertTrue(before.contains(tiny.toString()), before);

            Files.writeString(modelFile, "bertlab.model.name=broken\nbertlab.model.directory=/nonexistent/model\n");
            ServiceReference<?> failure = Distribution.awaitService(context,
                    "io.bertlab.api.configuration.UnavailableConfiguration", "(bertlab.unavailable.name=broken)", wait);
            assertTrue(context.getService(failure).toString().contains(
                    "the change was not applied, the previous settings still serve: " + MODEL_REASON));
            String during = Distribution.captureOut(() -> runtime.execute(List.of("models")));
            assertTrue(during.lines().anyMatch(l -> l.startsWith("broken ") && l.contains(" layers x ")),
                    "the previous model is still listed: " + during);
            assertTrue(during.contains("the change was not applied"), during);

            Files.writeString(modelFile, working);
            assertTrue(Distribution.eventually(wait, () -> lookUp(context) == null), "the failure stays listed");
            String after = Distribution.captureOut(() -> assertEquals(0, runtime.execute(List.of("models"))));
            assertFalse(after.contains("Failed"), after);
        }
    }

    private static ServiceReference<?>[] lookUp(BundleContext context) {
        try {
            return context.getAllServiceReferences("io.bertlab.api.configuration.UnavailableConfiguration", null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
