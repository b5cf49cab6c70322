package io.bertlab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.launcher.BertlabRuntime;
import io.bertlab.launcher.FeatureCatalog;
import io.bertlab.launcher.LaunchOptions;
import io.bertlab.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Pre-training objectives are plugins: the feature's task bundles (mlm, nsp, sop) register PretrainingTask services,
 * {@code pretraining-data --tasks} and {@code pretrain --tasks} use whichever are installed, and a task leaves and
 * comes back with its bundle.
 */
class PretrainingTasksIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    @Test
    void sentenceOrderIsOneMoreBundle() throws Exception {
        Path home = Distribution.copy(temp.resolve("bertlab"));
        Path corpus = corpus(temp.resolve("wiki.txt"), 40);
        Path tokenizer = SharedData.require("tokenizers/bert-base-uncased/tokenizer.json");
        Path instances = temp.resolve("sop.jsonl");
        List<String> makeInstances = List.of("pretraining-data", "--tasks", "mlm,sop", "--tokenizer",
                tokenizer.toString(), "--input", corpus.toString(), "--output", instances.toString(),
                "--max-seq-length", "64", "--dupe-factor", "1");
        LaunchOptions options = LaunchOptions.parse(new String[] {"--features", "pretraining"}, home);
        FeatureCatalog catalog = FeatureCatalog.read(home.resolve("features"));
        try (BertlabRuntime runtime = BertlabRuntime.start(options, catalog, catalog.resolve(options.features()))) {
            BundleContext context = runtime.framework().getBundleContext();
            Bundle sop = Arrays.stream(context.getBundles())
                    .filter(b -> b.getSymbolicName().equals("io.bertlab.pretrain.sop")).findFirst().orElseThrow();

            sop.stop();
            assertNotEquals(0, runtime.execute(makeInstances), "no sop task without its bundle");
            assertTrue(Files.notExists(instances));

            sop.start();
            Distribution.awaitService(context, "io.bertlab.api.pretrain.PretrainingTask",
                    "(bertlab.pretrain.task=sop)", WAIT);
            assertEquals(0, runtime.execute(makeInstances));
            String first = Files.readAllLines(instances).get(0);
            assertTrue(first.matches(".*\"labels\":\\{\"sop\":[01]\\}\\}$"), first);

            Path run = temp.resolve("run");
            assertEquals(0, runtime.execute(List.of("pretrain", "--instances", instances.toString(), "--output",
                    run.toString(), "--tasks", "mlm,sop", "--tokenizer", tokenizer.toString(), "--layers", "1",
                    "--hidden", "32", "--heads", "2", "--max-positions", "64", "--steps", "2", "--batch-size", "8",
                    "--log-steps", "1")));
            String metrics = Files.readString(run.resolve("metrics.jsonl"));
            assertTrue(metrics.contains("\"sop_loss\"") && metrics.contains("\"mlm_loss\""), metrics);
        }
    }

    /** WikiText-2 test paragraphs as documents, one sentence per line. */
    private static Path corpus(Path file, int paragraphs) throws Exception {
        List<String> lines = new ArrayList<>();
        int taken = 0;
        for (String line : Files.readAllLines(SharedData.require("text/wikitext-2/wiki.test.tokens"))) {
            String paragraph = line.strip();
            if (paragraph.isEmpty() || paragraph.startsWith("=")) {
                continue;
            }
            lines.addAll(List.of(paragraph.split("(?<= \\.) ")));
            lines.add("");
            if (++taken == paragraphs) {
                break;
            }
        }
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
