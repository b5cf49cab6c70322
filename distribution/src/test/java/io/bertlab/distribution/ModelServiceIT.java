package io.bertlab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.launcher.BertlabRuntime;
import io.bertlab.launcher.FeatureCatalog;
import io.bertlab.launcher.LaunchOptions;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import io.bertlab.testing.SharedData;
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
 * Named models from configuration files in {@code deploy/}, in a real framework with the pure-Java engine: the
 * model service appears, and a changed configuration swaps the model while four threads call it, with no failed
 * call and every later call answered by the new model.
 */
class ModelServiceIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void configurationChangeSwapsTheModelUnderLoadWithoutAFailedCall() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Path modelA = copyTinyModel(temp.resolve("model-a"), 1.0f);
        Path modelB = copyTinyModel(temp.resolve("model-b"), 3.0f);
        Path config = home.resolve("deploy/io.bertlab.model-tiny.cfg");
        Files.writeString(config, configuration(modelA));
        LaunchOptions options = LaunchOptions.parse(new String[] {"--features", "engine-java"}, home);
        FeatureCatalog catalog = FeatureCatalog.read(home.resolve("features"));
        try (BertlabRuntime runtime = BertlabRuntime.start(options, catalog, catalog.resolve(options.features()))) {
            BundleContext context = runtime.framework().getBundleContext();
            ModelCalls calls = new ModelCalls(context);
            ServiceReference<?> reference = calls.awaitModel("tiny");
            Object model = context.getService(reference);
            float[] outputA = calls.forward(model);
            String listedBefore = Distribution.captureOut(() -> runtime.execute(List.of("models")));
            assertTrue(listedBefore.contains(modelA.toString()), listedBefore);
            float[] outputB = calls.forwardFresh(modelB);
            assertTrue(maxAbsDifference(outputA, outputB) > 100 * TOLERANCE,
                    "the two checkpoints must differ clearly for this test to mean anything");

            CallsUnderLoad<float[]> load = new CallsUnderLoad<>(4, () -> calls.forward(model),
                    output -> close(output, outputA) ? "old" : close(output, outputB) ? "new" : "neither");
            try (load) {
                Thread.sleep(300);
                Files.writeString(config, configuration(modelB));
                assertTrue(Distribution.eventually(WAIT, () -> load.count("new") > 20),
                        "the new model never answered after the configuration changed: " + load);
            }
            assertEquals(0, load.count(CallsUnderLoad.FAILED), "calls failed during the swap: " + load);
            assertEquals(0, load.count("neither"), "some calls were answered by neither model: " + load);
            assertTrue(load.count("old") > 0, "no call reached the first model: " + load);
            assertTrue(close(outputB, calls.forward(model)), "after the swap the new model answers");
            assertEquals(reference.getProperty("service.id"), calls.awaitModel("tiny").getProperty("service.id"),
                    "consumers keep the same service across the swap");
            assertEquals(modelB.toString(), calls.awaitModel("tiny").getProperty("bertlab.model.directory"));
            // the models command, activated before the change, lists what the service now serves
            String listedAfter = Distribution.captureOut(() -> runtime.execute(List.of("models")));
            assertTrue(listedAfter.contains(modelB.toString()) && !listedAfter.contains(modelA.toString()),
                    listedAfter);
        }
    }

    /**
     * A named model's weights load on first use (listing it reads only {@code config.json} and the safetensors
     * header), or when its configuration is applied with {@code bertlab.model.preload=true}. Weights damaged after
     * both were configured tell which happened: the preloaded model answers from what it loaded, while the other's
     * first use fails with one message naming the file, after which the configuration is listed as failed.
     */
    @Test
    void weightsLoadOnFirstUseUnlessPreloaded() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Path lazy = copyDirectory(home.resolve("models/minilm"), temp.resolve("lazy"));
        Path preloaded = copyDirectory(home.resolve("models/minilm"), temp.resolve("preloaded"));
        Path lazyConfig = home.resolve("deploy/io.bertlab.model-lazy.cfg");
        Files.writeString(lazyConfig, configuration(lazy).replace("name=tiny", "name=lazy"));
        Files.writeString(home.resolve("deploy/io.bertlab.model-preloaded.cfg"),
                configuration(preloaded).replace("name=tiny", "name=preloaded") + "bertlab.model.preload=true\n");
        LaunchOptions options = LaunchOptions.parse(new String[] {"--features", "engine-java,tokenizers"}, home);
        FeatureCatalog catalog = FeatureCatalog.read(home.resolve("features"));
        try (BertlabRuntime runtime = BertlabRuntime.start(options, catalog, catalog.resolve(options.features()))) {
            ModelCalls calls = new ModelCalls(runtime.framework().getBundleContext());
            calls.awaitModel("lazy");
            calls.awaitModel("preloaded");
            String listed = Distribution.captureOut(() -> assertEquals(0, runtime.execute(List.of("models"))));
            assertTrue(listed.contains(lazy.toString()) && listed.contains(preloaded.toString()), listed);

            for (Path model : List.of(lazy, preloaded)) {
                Path weights = model.resolve("model.safetensors");
                byte[] bytes = Files.readAllBytes(weights);
                Files.write(weights, Arrays.copyOf(bytes, bytes.length / 2));
            }
            String embedded = Distribution.captureOut(() -> assertEquals(0,
                    runtime.execute(List.of("embed", "--model", "preloaded", "hello"))));
            assertTrue(embedded.contains("\"text\":\"hello\",\"tokens\":3,\"embedding\":["), embedded);

            String[] out = new String[1];
            String err = Distribution.captureErr(() -> out[0] = Distribution.captureOut(() -> assertEquals(1,
                    runtime.execute(List.of("embed", "--model", "lazy", "hello")))));
            assertEquals("", out[0]);
            String unavailable = "model 'lazy' (" + lazyConfig + ") is unavailable: ";
            assertTrue(err.contains("bertlab embed: " + unavailable) && err.contains(lazy.resolve("model.safetensors")
                    + ": truncated"), err);
            assertTrue(!err.contains("\tat "), "no stack trace: " + err);

            String failed = Distribution.captureOut(() -> assertEquals(1, runtime.execute(List.of("models"))));
            assertTrue(failed.contains("Failed configurations:\n  " + unavailable), failed);
            assertTrue(failed.lines().anyMatch(l -> l.startsWith("preloaded ")), failed);
        }
    }

    private static Path copyDirectory(Path source, Path target) throws Exception {
        Files.createDirectories(target);
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    @Test
    void engineSwitchAcrossJavaPytorchAndMxnetUnderLoadWithoutAFailedCall() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Path model = copyTinyModel(temp.resolve("model"), 1.0f);
        Path config = home.resolve("deploy/io.bertlab.model-tiny.cfg");
        Files.writeString(config, configuration(model));
        LaunchOptions options = LaunchOptions.parse(new String[] {"--features", "engine-java,engine-djl"}, home);
        FeatureCatalog catalog = FeatureCatalog.read(home.resolve("features"));
        try (BertlabRuntime runtime = BertlabRuntime.start(options, catalog, catalog.resolve(options.features()))) {
            BundleContext context = runtime.framework().getBundleContext();
            ModelCalls calls = new ModelCalls(context);
            Object service = context.getService(calls.awaitModel("tiny"));
            float[] expected = calls.forward(service);
            for (String engine : new String[] {"pytorch", "mxnet", "java"}) {
                CallsUnderLoad<float[]> load = new CallsUnderLoad<>(4, () -> calls.forward(service),
                        output -> close(output, expected) ? "agreeing" : "disagreeing");
                try (load) {
                    Thread.sleep(200);
                    Files.writeString(config, configuration(model).replace("bertlab.engine=java",
                            "bertlab.engine=" + engine));
                    assertTrue(Distribution.eventually(WAIT, () -> engine.equals(calls.engineName(service))),
                            "the model never moved to the " + engine + " engine: " + load);
                    Thread.sleep(300);
                }
                assertEquals(0, load.count(CallsUnderLoad.FAILED), "calls failed during the switch to " + engine);
                assertEquals(0, load.count("disagreeing"), "outputs on " + engine + " differ from java's by more than "
                        + TOLERANCE + ": " + load);
                assertTrue(load.count("agreeing") > 0, load.toString());
            }
            // the DJL engine bundle stops and starts again: its services come back and serve (natives stay loaded)
            Bundle djl = Arrays.stream(context.getBundles())
                    .filter(b -> "io.bertlab.engine.djl".equals(b.getSymbolicName())).findFirst().orElseThrow();
            djl.stop();
            assertEquals(Bundle.RESOLVED, djl.getState());
            djl.start();
            assertEquals(Bundle.ACTIVE, djl.getState());
            Files.writeString(config, configuration(model).replace("bertlab.engine=java", "bertlab.engine=pytorch"));
            assertTrue(Distribution.eventually(WAIT, () -> "pytorch".equals(calls.engineName(service))),
                    "the restarted pytorch engine was not taken up");
            assertTrue(close(expected, calls.forward(service)), "the restarted pytorch engine answers as before");
        }
    }

    /**
     * Outputs of one model agree within this, not bit for bit: the engine's vector kernels may sum in another order
     * once compiled than when interpreted.
     */
    private static final double TOLERANCE = 1e-4;

    private static boolean close(float[] a, float[] b) {
        return maxAbsDifference(a, b) <= TOLERANCE;
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static String configuration(Path directory) {
        return "bertlab.model.name=tiny\nbertlab.model.directory=" + directory.toString().replace("\\", "\\\\")
                + "\nbertlab.engine=java\nbertlab.model.threads=1\n";
    }

    /** The committed tiny BERT, with its word embeddings scaled so that two copies give different outputs. */
    private static Path copyTinyModel(Path target, float scale) throws Exception {
        ModelDirectory.Checkpoint checkpoint = ModelDirectory.load(SharedData.reference("bert-tiny"));
        BertWeights weights = checkpoint.weights().copy();
        Weight embeddings = weights.require("embeddings.word_embeddings.weight");
        float[] values = embeddings.values().clone();
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        weights.put(new Weight(embeddings.name(), embeddings.shape(), values));
        ModelDirectory.save(target, new ModelDirectory.Checkpoint(checkpoint.config(), weights));
        return target;
    }

    /**
     * Calls models inside the framework. The test's class path has its own copy of the API, so the calls go
     * through the API bundle's classes by reflection.
     */
    private static final class ModelCalls {

        private static final int[][] IDS = {{2, 45, 300, 17, 3, 0}, {2, 99, 3, 0, 0, 0}};
        private static final int[][] TYPES = new int[2][6];
        private static final int[][] MASK = {{1, 1, 1, 1, 1, 0}, {1, 1, 1, 0, 0, 0}};

        private final BundleContext context;
        private final Class<?> batchClass;
        private final Method forward;
        private final Method lastHiddenState;
        private final Method toArray;
        private final Method load;
        private final Method close;
        private final Method engine;
        private final Method engineInfoName;
        private final Object singleThread;

        ModelCalls(BundleContext context) throws Exception {
            this.context = context;
            Bundle api = Arrays.stream(context.getBundles())
                    .filter(b -> "io.bertlab.api".equals(b.getSymbolicName())).findFirst().orElseThrow();
            batchClass = api.loadClass("io.bertlab.api.model.Batch");
            Class<?> modelClass = api.loadClass("io.bertlab.api.model.Model");
            forward = modelClass.getMethod("forward", batchClass);
            close = modelClass.getMethod("close");
            engine = modelClass.getMethod("engine");
            engineInfoName = api.loadClass("io.bertlab.api.model.EngineInfo").getMethod("name");
            lastHiddenState = api.loadClass("io.bertlab.api.model.ForwardResult").getMethod("lastHiddenState");
            toArray = api.loadClass("io.bertlab.api.model.Tensor").getMethod("toArray");
            Class<?> loadOptions = api.loadClass("io.bertlab.api.model.LoadOptions");
            load = api.loadClass("io.bertlab.api.model.Engine").getMethod("load", Path.class, loadOptions);
            singleThread = loadOptions.getMethod("threads", int.class).invoke(null, 1);
        }

        ServiceReference<?> awaitModel(String name) throws Exception {
            return Distribution.awaitService(context, "io.bertlab.api.model.Model", "(bertlab.model.name=" + name + ")",
                    WAIT);
        }

        float[] forward(Object model) throws Exception {
            Object batch = batchClass.getConstructor(int[][].class, int[][].class, int[][].class)
                    .newInstance(IDS, TYPES, MASK);
            return (float[]) toArray.invoke(lastHiddenState.invoke(forward.invoke(model, batch)));
        }

        String engineName(Object model) {
            try {
                return (String) engineInfoName.invoke(engine.invoke(model));
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        /** The output of a checkpoint loaded directly by the Java engine, as the expected answer. */
        float[] forwardFresh(Path directory) throws Exception {
            ServiceReference<?>[] engines = context.getAllServiceReferences("io.bertlab.api.model.Engine",
                    "(bertlab.engine=java)");
            Object model = load.invoke(context.getService(engines[0]), directory, singleThread);
            try {
                return forward(model);
            } finally {
                close.invoke(model);
            }
        }
    }
}
