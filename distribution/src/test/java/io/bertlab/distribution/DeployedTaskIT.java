package io.bertlab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.launcher.BertlabRuntime;
import io.bertlab.launcher.FeatureCatalog;
import io.bertlab.launcher.LaunchOptions;
import io.bertlab.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * A task written by a third party against the API only (ASSIN2), dropped into deploy/ of a running bertlab with the
 * glue feature: its tasks appear among the runner's and run on real data with the embedded model.
 */
class DeployedTaskIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void droppedTaskBundleIsListedAndRunsOnItsData() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Path data = SharedData.require("assin2").getParent();
        LaunchOptions options = LaunchOptions.parse(new String[] {"--features", "glue,minilm"}, home);
        FeatureCatalog catalog = FeatureCatalog.read(home.resolve("features"));
        try (BertlabRuntime runtime = BertlabRuntime.start(options, catalog, catalog.resolve(options.features()))) {
            BundleContext context = runtime.framework().getBundleContext();
            String before = Distribution.captureOut(() -> assertEquals(0, runtime.execute(List.of("glue-tasks",
                    "--data", data.toString()))));
            assertTrue(before.contains("RTE") && !before.contains("ASSIN2"), before);

            Files.copy(Distribution.taskPlugin(), home.resolve("deploy/io.bertlab.task.assin2.jar"));
            Distribution.awaitService(context, "io.bertlab.api.glue.GlueTask", "(bertlab.glue.task=ASSIN2-STS)",
                    WAIT);
            // A service is visible in the registry a moment before its event reaches the components that bind it,
            // so the listing is polled for rather than read once.
            String[] after = new String[1];
            boolean listed = Distribution.eventually(WAIT, () -> {
                try {
                    after[0] = Distribution.captureOut(() -> assertEquals(0, runtime.execute(List.of("glue-tasks",
                            "--data", data.toString()))));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return after[0].lines().anyMatch(line -> line.startsWith("ASSIN2-STS") && line.contains("dev+"));
            });
            assertTrue(listed, after[0]);

            String json = Distribution.captureOut(() -> assertEquals(0, runtime.execute(List.of("glue-sts", "--task",
                    "ASSIN2-STS", "--data", data.toString(), "--format", "json"))));
            JsonNode result = new ObjectMapper().readTree(json);
            assertEquals(500, result.get("examples").asInt(), json);
            // all-MiniLM-L6-v2 is an English model: on Portuguese pairs it still correlates (0.65 measured)
            double pearson = result.get("metrics").get("pearson").asDouble();
            assertTrue(pearson > 0.5 && pearson < 0.8, json);
        }
    }
}
