package io.bertlab.distribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.launcher.BertlabRuntime;
import io.bertlab.launcher.FeatureCatalog;
import io.bertlab.launcher.LaunchOptions;
import io.bertlab.testing.SharedData;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
        try (BertlabRuntime runtime = BertlabRuntime.start(options, catalog, catalog.resolve(options.features()), false)) {
            BundleContext context = runtime.framework().getBundleContext();
            ServiceReference<?> reference = awaitTokenizer(context, "pt");
            Object tokenizer = context.getService(reference);
            Method encode = apiClass(context, "io.bertlab.api.tokenizer.Tokenizer").getMethod("encode", String.class);
            Method ids = apiClass(context, "io.bertlab.api.tokenizer.Encoding").getMethod("ids");
            int[] before = (int[]) ids.invoke(encode.invoke(tokenizer, TEXT));

            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger failures = new AtomicInteger();
            AtomicInteger fromOld = new AtomicInteger();
            AtomicInteger fromNew = new AtomicInteger();
            List<int[]> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
            int[][] after = new int[1][];
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                workers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        try {
                            int[] result = (int[]) ids.invoke(encode.invoke(tokenizer, TEXT));
                            if (Arrays.equals(result, before)) {
                                fromOld.incrementAndGet();
                            } else {
                                synchronized (after) {
                                    if (after[0] == null) {
                                        after[0] = result;
                                    }
                                }
                                if (Arrays.equals(result, after[0])) {
                                    fromNew.incrementAndGet();
                                } else {
                                    unexpected.add(result);
                                }
                            }
                        } catch (Throwable e) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            Thread.sleep(300);
            Files.writeString(config, configuration(portuguese));
            assertTrue(Distribution.eventually(WAIT, () -> fromNew.get() > 100),
                    "the new tokenizer never answered after the configuration changed");
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();

            assertEquals(0, failures.get(), "calls failed during the swap");
            assertTrue(unexpected.isEmpty(), "some calls were answered by neither tokenizer");
            assertTrue(fromOld.get() > 0, "no call reached the first tokenizer");
            assertFalse(Arrays.equals(before, after[0]), "the two vocabularies must tokenize differently");
            assertArrayEquals(after[0], (int[]) ids.invoke(encode.invoke(tokenizer, TEXT)), "the new one stays");
            assertEquals(reference.getProperty("service.id"), awaitTokenizer(context, "pt").getProperty("service.id"),
                    "consumers keep the same service across the swap");
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
        ServiceReference<?>[] found = new ServiceReference<?>[1];
        assertTrue(Distribution.eventually(WAIT, () -> {
            try {
                ServiceReference<?>[] references = context.getAllServiceReferences("io.bertlab.api.tokenizer.Tokenizer",
                        "(bertlab.tokenizer.name=" + name + ")");
                found[0] = references == null ? null : references[0];
                return found[0] != null;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }), "tokenizer service '" + name + "' did not appear");
        return found[0];
    }
}
