package io.bertlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Prediction;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code glue-evaluate} over a split in parts, in {@code local[2]}, against the real single-process command on the
 * same model and the same rows of GLUE's dev files.
 *
 * <p>The models are all-MiniLM-L6-v2 with a {@code glue.json} as {@code glue-train} writes it beside the weights:
 * for STS-B the cosine head ({@code --head cosine}), which has no parameters of its own, so the file alone makes
 * MiniLM a complete STS-B model (it scores pairs as the zero-shot cosine does, see the GLUE bundle's
 * {@code CosineHeadTest}); for RTE the dense head over the mean, whose weights the checkpoint lacks, so that every
 * session starts them from the same seed — a classifier that knows nothing, but the same one in every partition
 * and in the single process, which is what this compares. Fine-tuning itself is the GLUE bundle's to test.
 */
class SparkGlueEvaluationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    /**
     * STS-B: predictions are the cosine of two mean-pooled embeddings times 5; the two sides batch and pad the pairs
     * differently (see {@link SparkEmbeddingsTest}'s tolerance), so a score may differ by float32 rounding times 5.
     * The correlations over 150 pairs then agree far below 1e-6.
     */
    @Test
    void stsbMetricsEqualTheSingleProcessCommand() throws Exception {
        Path data = data("STS-B", 150);
        Path model = fineTuned("stsb", "STS-B", List.of(), "COSINE");
        GlueTask task = GlueCatalog.task("STS-B");
        JsonNode expected = SingleProcess.glueEvaluate(task, model, data, work);
        SparkGlueEvaluation.Result result = SparkGlueEvaluation.evaluate(LocalSpark.session(), task, data, "dev",
                GlueEvaluationOptions.of(model.toString()).withPartitions(3).withBatchSize(16));
        assertEquals(150, result.examples());
        assertEquals(expected.get("examples").asInt(), result.examples());
        assertEquals(expected.get("problems").asInt(), result.problems());
        assertEquals(List.of("pearson", "spearman"), List.copyOf(result.metrics().keySet()));
        for (Map.Entry<String, Double> metric : result.metrics().entrySet()) {
            assertEquals(expected.get("metrics").get(metric.getKey()).asDouble(), metric.getValue(), 1e-6,
                    metric.getKey());
        }
        // zero-shot MiniLM on STS-B: a real, strong correlation, not a degenerate one
        assertTrue(result.metrics().get("spearman") > 0.7, result.toJson());
        JsonNode mine = JSON.readTree(result.toJson());
        assertEquals(expected.get("task"), mine.get("task"));
        assertEquals(expected.get("split"), mine.get("split"));
        for (Prediction p : result.predictions()) {
            assertTrue(p.score() >= -5 && p.score() <= 5, p.toString());
        }
    }

    @Test
    void rteAnswersAndMetricsEqualTheSingleProcessCommand() throws Exception {
        Path data = data("RTE", 64);
        GlueTask task = GlueCatalog.task("RTE");
        Path model = fineTuned("rte", "RTE", task.labels(), "DENSE");
        JsonNode expected = SingleProcess.glueEvaluate(task, model, data, work);
        SparkGlueEvaluation.Result result = SparkGlueEvaluation.evaluate(LocalSpark.session(), task, data, "dev",
                GlueEvaluationOptions.of(model.toString()).withPartitions(4));
        assertEquals(64, result.examples());
        assertEquals(List.of("accuracy"), List.copyOf(result.metrics().keySet()));
        assertEquals(expected.get("metrics").get("accuracy").asDouble(), result.metrics().get("accuracy"), 0.0);
    }

    @Test
    void aModelFineTunedForAnotherTaskIsRefusedNamingBoth() throws Exception {
        Path data = data("RTE", 10);
        Path model = fineTuned("stsb-for-rte", "STS-B", List.of(), "COSINE");
        SparkException refused = assertThrows(SparkException.class, () -> SparkGlueEvaluation.evaluate(
                LocalSpark.session(), GlueCatalog.task("RTE"), data, "dev", GlueEvaluationOptions.of(model.toString())
                        .withPartitions(1)));
        assertTrue(refused.getMessage().contains("was fine-tuned for STS-B"), refused.getMessage());
        assertTrue(refused.getMessage().contains("which does not fit RTE"), refused.getMessage());
    }

    @Test
    void anUnlabelledSplitIsRefusedOnTheDriver() throws Exception {
        IOException refused = assertThrows(IOException.class, () -> SparkGlueEvaluation.evaluate(
                LocalSpark.session(), GlueCatalog.task("RTE"), work, "test", GlueEvaluationOptions.of("unused")));
        assertTrue(refused.getMessage().contains("no gold labels"), refused.getMessage());
    }

    /** A data root holding the header and the first {@code rows} rows of a task's real dev file. */
    private Path data(String task, int rows) throws IOException {
        Path source = SharedData.require("glue/" + task + "/dev.tsv");
        Path folder = Files.createDirectories(work.resolve("glue").resolve(task));
        try (Stream<String> lines = Files.lines(source, StandardCharsets.UTF_8)) {
            Files.write(folder.resolve("dev.tsv"), lines.limit(rows + 1L).toList(), StandardCharsets.UTF_8);
        }
        return work.resolve("glue");
    }

    /** MiniLM's files with a {@code glue.json} as glue-train writes it. */
    private Path fineTuned(String name, String task, List<String> labels, String head) throws IOException {
        Path folder = Files.createDirectories(work.resolve(name));
        try (Stream<Path> files = Files.list(TestData.minilm())) {
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("task", task);
        labels.forEach(json.putArray("labels")::add);
        json.put("model", "minilm");
        json.put("epoch", 1);
        json.putObject("dev");
        json.put("pooling", "MEAN");
        json.put("head", head);
        Files.writeString(folder.resolve("glue.json"), json.toPrettyString());
        return folder;
    }
}
