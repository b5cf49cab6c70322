package io.bertlab.pretrain.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Safetensors;
import io.bertlab.model.bert.Weight;
import io.bertlab.testing.CapturingContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run writes: a from-scratch model initialised as HF initialises {@code BertForPreTraining}, checkpoints in
 * HF's {@code BertForPreTraining} layout ({@code bert.*} encoder, {@code cls.predictions.*} with its own bias and the
 * decoder tied, {@code cls.seq_relationship.*}) that load back with their heads, the metrics file and the
 * self-contained page; and a run continued from a checkpoint without heads, which get initialised.
 */
class PretrainCheckpointTest {

    @TempDir
    static Path dir;

    private static Path instances;

    @BeforeAll
    static void prepare() throws IOException {
        instances = dir.resolve("train.jsonl");
        Fixtures.instances(instances, 0, 3, 21);
    }

    @Test
    void fromScratchTheModelIsInitialisedAsHfAndCheckpointsUseHfPretrainingNames() throws Exception {
        Path output = dir.resolve("scratch");
        CapturingContext call = Fixtures.call(dir, Fixtures.arguments(Fixtures.scratch(), "--instances",
                instances.toString(), "--output", output.toString(), "--steps", "2", "--batch-size", "4",
                "--log-steps", "1"));
        assertEquals(0, Fixtures.command().run(call), call.errText());

        // the initial model: HF's initialisation
        Path initial = output.resolve(PretrainingRun.INITIAL);
        ModelDirectory.Checkpoint start = ModelDirectory.load(initial);
        ModelConfig config = start.config();
        assertEquals(30522, config.vocabSize(), "the tokenizer's vocabulary");
        assertEquals(List.of(2, 32, 4, 64), List.of(config.numHiddenLayers(), config.hiddenSize(),
                config.numAttentionHeads(), config.intermediateSize()));
        BertWeights weights = start.weights();
        float[] words = weights.require("embeddings.word_embeddings.weight").values();
        for (int i = 0; i < 32; i++) {
            assertEquals(0f, words[i], "the [PAD] row (pad_token_id 0) is zero");
        }
        assertEquals(0.02, standardDeviation(words, 32), 0.0005, "N(0, 0.02)");
        assertEquals(0.02, standardDeviation(weights.require("encoder.layer.1.intermediate.dense.weight").values(), 0),
                0.002);
        assertConstant(weights.require("encoder.layer.0.attention.output.LayerNorm.weight"), 1f);
        assertConstant(weights.require("encoder.layer.0.attention.output.LayerNorm.bias"), 0f);
        assertConstant(weights.require("encoder.layer.0.attention.self.query.bias"), 0f);
        assertConstant(weights.require("cls.predictions.bias"), 0f);
        assertConstant(weights.require("cls.predictions.transform.LayerNorm.weight"), 1f);
        assertConstant(weights.require("cls.seq_relationship.bias"), 0f);
        assertEquals(0.02, standardDeviation(weights.require("pooler.dense.weight").values(), 0), 0.002);
        assertTrue(Files.isRegularFile(initial.resolve("tokenizer.json")));

        // the checkpoint: HF's BertForPreTraining names and architecture
        Path last = output.resolve(PretrainingRun.LAST);
        Set<String> names = Safetensors.tensorNames(last.resolve("model.safetensors"));
        for (String name : List.of("bert.embeddings.word_embeddings.weight", "bert.encoder.layer.1.output.dense.weight",
                "bert.pooler.dense.weight", "cls.predictions.bias", "cls.predictions.transform.dense.weight",
                "cls.predictions.transform.dense.bias", "cls.predictions.transform.LayerNorm.weight",
                "cls.predictions.transform.LayerNorm.bias", "cls.seq_relationship.weight",
                "cls.seq_relationship.bias")) {
            assertTrue(names.contains(name), name + " in " + names);
        }
        assertFalse(names.stream().anyMatch(n -> n.startsWith("cls.predictions.decoder")), "the decoder is tied");
        assertFalse(names.stream().anyMatch(n -> n.startsWith("embeddings.") || n.startsWith("encoder.")),
                "no unprefixed encoder names beside the heads");
        JsonNode configJson = RunState.JSON.readTree(last.resolve("config.json").toFile());
        assertEquals("BertForPreTraining", configJson.path("architectures").path(0).asText());
        assertEquals("bert", configJson.path("model_type").asText());
        assertTrue(Files.isRegularFile(last.resolve("tokenizer.json")));
        assertTrue(Files.isRegularFile(last.resolve("optimizer.safetensors")));
        assertTrue(Files.isRegularFile(last.resolve(RunState.FILE)));

        // it loads back with its heads: a new session starts from the trained heads, not from new random ones
        try (Model model = new JavaEngine().load(last)) {
            List<HeadSpec> heads = List.of(HeadSpec.MaskedLm.of(), HeadSpec.NextSentence.of());
            Path copy = dir.resolve("copy");
            try (TrainingSession session = model.openSession(new TrainingSpec(heads, null, 99))) {
                session.save(copy);
            }
            BertWeights trained = ModelDirectory.load(last).weights();
            BertWeights reloaded = ModelDirectory.load(copy).weights();
            for (String name : List.of("cls.predictions.bias", "cls.predictions.transform.dense.weight",
                    "cls.seq_relationship.weight")) {
                assertTrue(java.util.Arrays.equals(trained.require(name).values(), reloaded.require(name).values()),
                        name);
                assertFalse(java.util.Arrays.equals(trained.require(name).values(),
                        weights.require(name).values()), name + " was trained");
            }
        }

        // metrics, the page and the summary
        List<JsonNode> records = new MetricsLog(output).read();
        assertEquals(2, records.size());
        JsonNode first = records.get(0);
        for (String field : List.of("loss", "mlm_loss", "nsp_loss", "mlm_accuracy", "nsp_accuracy", "learning_rate",
                "grad_norm", "tokens_per_second")) {
            assertTrue(first.path(field).isNumber(), field + " in " + first);
        }
        assertEquals(first.path("loss").asDouble(), first.path("mlm_loss").asDouble()
                + first.path("nsp_loss").asDouble(), 1e-9, "the loss is the sum of the tasks' means");
        assertEquals(0.0, first.path("learning_rate").asDouble(), "step 1 of the warm-up (ceil(0.01 x 2) = 1)");
        String html = Files.readString(output.resolve(CurvesPage.FILE), StandardCharsets.UTF_8);
        assertTrue(html.contains("<svg") && html.contains("<polyline"), "inline SVG curves");
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("href=")
                || html.contains("@import"), "self-contained");
        JsonNode summary = RunState.JSON.readTree(call.outText());
        assertEquals(2, summary.path("steps").asInt());
        assertEquals(last.toString(), summary.path("checkpoint").asText());
        assertTrue(call.errText().contains("pretrain: "), call.errText());
    }

    @Test
    void aCheckpointWithoutHeadsGetsThemInitialised() throws Exception {
        Path encoder = Fixtures.encoderOnly(dir.resolve("encoder"));
        Path output = dir.resolve("continued");
        CapturingContext call = Fixtures.call(dir, "--model", encoder.toString(), "--instances", instances.toString(),
                "--output", output.toString(), "--steps", "1", "--batch-size", "4");
        assertEquals(0, Fixtures.command().run(call), call.errText());
        assertTrue(call.errText().contains("has no cls.predictions head (task mlm)"), call.errText());
        assertTrue(call.errText().contains("has no cls.seq_relationship head (task nsp)"), call.errText());
        assertFalse(Files.exists(output.resolve(PretrainingRun.INITIAL)));
        Set<String> names = Safetensors.tensorNames(output.resolve(PretrainingRun.LAST).resolve("model.safetensors"));
        assertTrue(names.containsAll(Set.of("bert.pooler.dense.weight", "cls.predictions.bias",
                "cls.predictions.transform.dense.weight", "cls.seq_relationship.weight")), names.toString());
    }

    private static double standardDeviation(float[] values, int from) {
        double sum = 0;
        double squares = 0;
        int n = values.length - from;
        for (int i = from; i < values.length; i++) {
            sum += values[i];
            squares += (double) values[i] * values[i];
        }
        double mean = sum / n;
        return Math.sqrt(squares / n - mean * mean);
    }

    private static void assertConstant(Weight weight, float value) {
        for (float v : weight.values()) {
            assertEquals(value, v, weight.name());
        }
    }
}
