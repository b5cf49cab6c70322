package io.bertlab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.launcher.BertlabRuntime;
import io.bertlab.launcher.FeatureCatalog;
import io.bertlab.launcher.LaunchOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

/** Hot deployment through FileInstall while the framework runs: bundles come and go, configurations arrive. */
class DeployFolderIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path temp;

    @Test
    void droppedBundleRegistersItsServiceAndRemovingItUnregistersIt() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        try (BertlabRuntime runtime = start(home)) {
            BundleContext context = runtime.framework().getBundleContext();
            assertEquals(0, helloServices(context), "no hello command before the drop");

            Path dropped = home.resolve("deploy/io.bertlab.example.greeter.jar");
            Files.copy(Distribution.examplePlugin(), dropped);
            assertTrue(Distribution.eventually(WAIT, () -> helloServices(context) == 1),
                    "the example plugin's command service did not appear");
            String greeting = Distribution.captureOut(() -> assertEquals(0, runtime.execute(List.of("hello", "Ana"))));
            assertEquals("Hello, Ana!", greeting.strip());

            Files.delete(dropped);
            assertTrue(Distribution.eventually(WAIT, () -> helloServices(context) == 0),
                    "the command service stayed after its bundle was removed from deploy/");
        }
    }

    @Test
    void droppedConfigurationReachesConfigAdminAndTheComponent() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Files.copy(Distribution.examplePlugin(), home.resolve("deploy/io.bertlab.example.greeter.jar"));
        try (BertlabRuntime runtime = start(home)) {
            assertEquals("Hello, world!", hello(runtime));

            Files.writeString(home.resolve("deploy/io.bertlab.example.greeter.cfg"), "greeting=Ol\\u00e1\n",
                    StandardCharsets.ISO_8859_1);
            assertTrue(Distribution.eventually(WAIT, () -> "Olá, world!".equals(hello(runtime))),
                    "the greeting from deploy/io.bertlab.example.greeter.cfg never reached the component");
        }
    }

    private static BertlabRuntime start(Path home) throws Exception {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--features", "core"}, home);
        FeatureCatalog catalog = FeatureCatalog.read(home.resolve("features"));
        return BertlabRuntime.start(options, catalog, catalog.resolve(options.features()));
    }

    private static String hello(BertlabRuntime runtime) {
        try {
            return Distribution.captureOut(() -> runtime.execute(List.of("hello"))).strip();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int helloServices(BundleContext context) {
        try {
            // all, not only class-compatible ones: the test class path has its own copy of the API
            var references = context.getAllServiceReferences("io.bertlab.api.command.Command",
                    "(bertlab.command.name=hello)");
            return references == null ? 0 : references.length;
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
