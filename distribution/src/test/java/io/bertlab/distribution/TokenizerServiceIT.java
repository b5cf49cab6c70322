package io.bertlab.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.launcher.BertlabRuntime;
import io.bertlab.launcher.FeatureCatalog;
import io.bertlab.launcher.LaunchOptions;
import io.bertlab.testing.SharedData;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A named tokenizer from a configuration file in {@code deploy/}, in a real framework: changing the file it names
 * while four threads encode swaps it with no failed call, and every later call uses the new tokenizer.
 */
class TokenizerServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String TEXT = "Quero um cartão adicional";

    @TempDir
    Path temp;

    @Test
    void configurationChangeSwapsTheTokenizerUnderLoadWithoutAFailedCall() throws Exception {
        Path uncased = SharedData.require("tokenizers/bert-base-uncased/tokenizer.json");
        Path portuguese = SharedData.require("tokenizers/bert-base-portuguese-cased/tokenizer.json");
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Path config = home.resolve("deploy/io.bertlab.tokenizer-pt.cfg");
        Files.writeString(config, configuration(uncased));
        LaunchOptions options = LaunchOptions.parse(new String[] {"--features", "tokenizers"}, home);
        FeatureCatalog catalog = FeatureCatalog.read(home.resolve("features"));
        try (BertlabRuntime runtime = BertlabRuntime.start(options, catalog, catalog.resolve(options.features()))) {
            BundleContext context = runtime.framework().getBundleContext();
            ServiceReference<?> reference = awaitTokenizer(context, "pt");
            Object tokenizer = context.getService(reference);
            Method encode = apiClass(context, "io.bertlab.api.tokenizer.Tokenizer").getMethod("encode", String.class);
            Method ids = apiClass(context, "io.bertlab.api.tokenizer.Encoding").getMethod("ids");
            int[] before = (int[]) ids.invoke(encode.invoke(tokenizer, TEXT));

            int[][] after = new int[1][];
            CallsUnderLoad<int[]> load = new CallsUnderLoad<>(4, () -> (int[]) ids.invoke(encode.invoke(tokenizer, TEXT)),
                    result -> {
                        if (Arrays.equals(result, before)) {
                            return "old";
                        }
                        synchronized (after) {
                            if (after[0] == null) {
                                after[0] = result; // the first answer that differs is the new tokenizer's
                            }
                            return Arrays.equals(result, after[0]) ? "new" : "neither";
                        }
                    });
            try (load) {
                Thread.sleep(300);
                Files.writeString(config, configuration(portuguese));
                assertTrue(Distribution.eventually(WAIT, () -> load.count("new") > 100),
                        "the new tokenizer never answered after the configuration changed: " + load);
            }
            assertEquals(0, load.count(CallsUnderLoad.FAILED), "calls failed during the swap: " + load);
            assertEquals(0, load.count("neither"), "some calls were answered by neither tokenizer: " + load);
            assertTrue(load.count("old") > 0, "no call reached the first tokenizer: " + load);
            assertFalse(Arrays.equals(before, after[0]), "the two vocabularies must tokenize differently");
            assertArrayEquals(after[0], (int[]) ids.invoke(encode.invoke(tokenizer, TEXT)), "the new one stays");
            assertEquals(reference.getProperty("service.id"), awaitTokenizer(context, "pt").getProperty("service.id"),
                    "consumers keep the same service across the swap");
        }
    }

    @Test
    void configuredSettingsApplyAndSentencePieceModelsLoadByName() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Files.writeString(home.resolve("deploy/io.bertlab.tokenizer-short.cfg"), "bertlab.tokenizer.name=short\nfile="
                + SharedData.require("tokenizers/bert-base-uncased/tokenizer.json") + "\nmax_length=5\n");
        Files.writeString(home.resolve("deploy/io.bertlab.tokenizer-t5.cfg"), "bertlab.tokenizer.name=t5\nfile="
                + SharedData.require("tokenizers/t5-small/spiece.model") + "\n");
        LaunchOptions options = LaunchOptions.parse(new String[] {"--features", "tokenizers"}, home);
        FeatureCatalog catalog = FeatureCatalog.read(home.resolve("features"));
        try (BertlabRuntime runtime = BertlabRuntime.start(options, catalog, catalog.resolve(options.features()))) {
            BundleContext context = runtime.framework().getBundleContext();
            Method encode = apiClass(context, "io.bertlab.api.tokenizer.Tokenizer").getMethod("encode", String.class);
            Method tokens = apiClass(context, "io.bertlab.api.tokenizer.Encoding").getMethod("tokens");
            Object shortOne = context.getService(awaitTokenizer(context, "short"));
            assertEquals(List.of("[CLS]", "que", "##ro", "um", "[SEP]"),
                    List.of((String[]) tokens.invoke(encode.invoke(shortOne, TEXT))),
                    "max_length=5 from the configuration");
            Object t5 = context.getService(awaitTokenizer(context, "t5"));
            // HF's tokens for t5-small's tokenizer.json: T5Tokenizer's </s> from the tokenizer_config.json beside it
            assertEquals(List.of("▁Qu", "er", "o", "▁um", "▁cart", "ã", "o", "▁", "a", "dic", "ional", "</s>"),
                    List.of((String[]) tokens.invoke(encode.invoke(t5, TEXT))),
                    "t5-small's spiece.model through the named service");
        }
    }

    /**
     * A named tokenizer whose file format starts after it (as when a container restarts bundles in id order) loads
     * once the format is there, also for a consumer that held the failed service all along (as the --tokenizer
     * resolver does): the component tries a configuration that never loaded again when called.
     */
    @Test
    void aModelFileConfiguredBeforeItsFormatArrivesLoadsOnceTheFormatStarts() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        LaunchOptions options = LaunchOptions.parse(new String[] {"--features", "tokenizers"}, home);
        FeatureCatalog catalog = FeatureCatalog.read(home.resolve("features"));
        try (BertlabRuntime runtime = BertlabRuntime.start(options, catalog, catalog.resolve(options.features()))) {
            BundleContext context = runtime.framework().getBundleContext();
            Bundle sentencePiece = Arrays.stream(context.getBundles())
                    .filter(b -> "io.bertlab.tokenizer.sentencepiece".equals(b.getSymbolicName())).findFirst()
                    .orElseThrow();
            sentencePiece.stop();
            Files.writeString(home.resolve("deploy/io.bertlab.tokenizer-late.cfg"), "bertlab.tokenizer.name=late\nfile="
                    + SharedData.require("tokenizers/t5-small/spiece.model") + "\n");
            // The failed configuration is published as a service under its name; held from now on.
            Object late = context.getService(awaitTokenizer(context, "late"));
            Method encode = apiClass(context, "io.bertlab.api.tokenizer.Tokenizer").getMethod("encode", String.class);
            Method tokens = apiClass(context, "io.bertlab.api.tokenizer.Encoding").getMethod("tokens");
            InvocationTargetException before = assertThrows(InvocationTargetException.class,
                    () -> encode.invoke(late, TEXT));
            assertTrue(before.getCause().getMessage().contains("spiece.model"), before.getCause().getMessage());
            sentencePiece.start();
            assertTrue(Distribution.eventually(WAIT, () -> {
                try {
                    return "▁Qu".equals(((String[]) tokens.invoke(encode.invoke(late, TEXT)))[0]);
                } catch (ReflectiveOperationException e) {
                    return false;
                }
            }), "the held tokenizer never loaded after the SentencePiece format started");
        }
    }

    private static Object call(java.util.concurrent.Callable<Object> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String configuration(Path file) {
        return "bertlab.tokenizer.name=pt\nfile=" + file.toString().replace("\\", "\\\\") + "\n";
    }

    private static Class<?> apiClass(BundleContext context, String name) throws ClassNotFoundException {
        Bundle api = Arrays.stream(context.getBundles()).filter(b -> "io.bertlab.api".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        return api.loadClass(name);
    }

    private static ServiceReference<?> awaitTokenizer(BundleContext context, String name) throws Exception {
        return Distribution.awaitService(context, "io.bertlab.api.tokenizer.Tokenizer",
                "(bertlab.tokenizer.name=" + name + ")", WAIT);
    }
}
