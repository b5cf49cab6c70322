package io.bertlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {

    static final ModelConfig TINY = new ModelConfig(11, 4, 2, 2, 8, "gelu", 0.1, 0.1, 6, 2, 0.02, 1e-12);

    @TempDir
    Path dir;

    static BertWeights tinyWeights(ModelConfig config) {
        BertWeights weights = new BertWeights();
        int seed = 0;
        for (Map.Entry<String, int[]> e : BertParameterNames.encoderShapes(config).entrySet()) {
            float[] values = new float[(int) Weight.elementCount(e.getValue())];
            for (int i = 0; i < values.length; i++) {
                values[i] = (seed++ % 17) / 17f - 0.5f;
            }
            weights.put(new Weight(e.getKey(), e.getValue(), values));
        }
        return weights;
    }

    @Test
    void savedDirectoryLoadsBackEqual() throws IOException {
        BertWeights weights = tinyWeights(TINY);
        ModelDirectory.save(dir, new ModelDirectory.Checkpoint(TINY, weights));

        ModelDirectory.Checkpoint loaded = ModelDirectory.load(dir);

        assertEquals(TINY, loaded.config());
        for (Weight w : weights.all()) {
            assertArrayEquals(w.values(), loaded.weights().get(w.name()).values(), w.name());
        }
    }

    @Test
    void taskModelPrefixIsRemoved() throws IOException {
        BertWeights prefixed = new BertWeights();
        for (Weight w : tinyWeights(TINY).all()) {
            prefixed.put(new Weight("bert." + w.name(), w.shape(), w.values()));
        }
        prefixed.put(new Weight("cls.predictions.bias", new int[] {11}, new float[11]));
        ModelDirectory.save(dir, new ModelDirectory.Checkpoint(TINY, prefixed));

        BertWeights loaded = ModelDirectory.load(dir).weights();

        assertTrue(loaded.contains(BertParameterNames.WORD_EMBEDDINGS));
        assertTrue(loaded.contains("cls.predictions.bias"));
    }

    @Test
    void parameterNamesAreThoseLoadStoresReadFromTheHeaderAlone() throws IOException {
        BertWeights prefixed = new BertWeights();
        for (Weight w : tinyWeights(TINY).all()) {
            prefixed.put(new Weight("bert." + w.name(), w.shape(), w.values()));
        }
        prefixed.put(new Weight("cls.predictions.bias", new int[] {11}, new float[11]));
        ModelDirectory.save(dir, new ModelDirectory.Checkpoint(TINY, prefixed));

        assertEquals(ModelDirectory.load(dir).weights().names(), ModelDirectory.parameterNames(dir));
        assertTrue(ModelDirectory.parameterNames(dir).contains("cls.predictions.bias"));
        assertEquals(prefixed.names(), Safetensors.tensorNames(dir.resolve("model.safetensors")));

        Path missing = dir.resolve("elsewhere");
        CheckpointException e = assertThrows(CheckpointException.class, () -> ModelDirectory.parameterNames(missing));
        assertTrue(e.getMessage().contains(missing.resolve("model.safetensors").toString()), e.getMessage());
    }

    @Test
    void everyMissingAndMisshapedTensorIsNamedWithTheFile() throws IOException {
        BertWeights weights = tinyWeights(TINY);
        BertWeights broken = new BertWeights();
        String missing = BertParameterNames.layer(1).key().weight();
        String misshaped = BertParameterNames.layer(0).intermediate().weight();
        for (Weight w : weights.all()) {
            if (w.name().equals(misshaped)) {
                broken.put(new Weight(w.name(), new int[] {4, 8}, w.values()));
            } else if (!w.name().equals(missing)) {
                broken.put(w);
            }
        }
        ModelDirectory.save(dir, new ModelDirectory.Checkpoint(TINY, broken));

        CheckpointException e = assertThrows(CheckpointException.class, () -> ModelDirectory.load(dir));

        String message = e.getMessage();
        assertTrue(message.contains(dir.resolve("model.safetensors").toString()), message);
        assertTrue(message.contains("'" + missing + "' is missing"), message);
        assertTrue(message.contains("'" + misshaped + "' has shape [4, 8], expected [8, 4]"), message);
    }

    /** What a service checks when it is configured: the same verdicts as a load, from config.json and the header. */
    @Test
    void checkReportsWhatLoadReportsFromTheHeaderAlone() throws IOException {
        ModelDirectory.save(dir, new ModelDirectory.Checkpoint(TINY, tinyWeights(TINY)));
        assertEquals(TINY, ModelDirectory.check(dir));

        BertWeights misshaped = new BertWeights();
        for (Weight w : tinyWeights(TINY).all()) {
            boolean intermediate = w.name().equals(BertParameterNames.layer(0).intermediate().weight());
            misshaped.put(intermediate ? new Weight(w.name(), new int[] {4, 8}, w.values()) : w);
        }
        ModelDirectory.save(dir, new ModelDirectory.Checkpoint(TINY, misshaped));
        assertSameFailure(dir);

        ModelDirectory.save(dir, new ModelDirectory.Checkpoint(TINY, tinyWeights(TINY)));
        Path weights = dir.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length - 4));
        CheckpointException truncated = assertSameFailure(dir);
        assertTrue(truncated.getMessage().contains("truncated"), truncated.getMessage());

        assertSameFailure(dir.resolve("elsewhere"));
    }

    private static CheckpointException assertSameFailure(Path directory) {
        CheckpointException load = assertThrows(CheckpointException.class, () -> ModelDirectory.load(directory));
        CheckpointException check = assertThrows(CheckpointException.class, () -> ModelDirectory.check(directory));
        assertEquals(load.getMessage(), check.getMessage());
        assertEquals(load.tensor(), check.tensor());
        return check;
    }

    @Test
    void configDisagreeingWithWeightsIsReported() throws IOException {
        ModelDirectory.save(dir, new ModelDirectory.Checkpoint(TINY, tinyWeights(TINY)));
        ModelConfig wider = new ModelConfig(11, 4, 2, 2, 16, "gelu", 0.1, 0.1, 6, 2, 0.02, 1e-12);
        BertConfigJson.write(wider, dir.resolve("config.json"));

        CheckpointException e = assertThrows(CheckpointException.class, () -> ModelDirectory.load(dir));

        assertEquals(BertParameterNames.layer(0).intermediate().weight(), e.tensor());
    }

    @Test
    void configFieldErrorsNameFieldAndFile() throws IOException {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"vocab_size\": 10, \"hidden_size\": \"wide\"}", StandardCharsets.UTF_8);
        CheckpointException e = assertThrows(CheckpointException.class, () -> BertConfigJson.read(config));
        assertEquals("hidden_size", e.tensor());
        assertTrue(e.getMessage().contains(config.toString()) && e.getMessage().contains("integer"), e.getMessage());

        Files.writeString(config, "{\"vocab_size\": 10, \"hidden_size\": {\"a\": 1}}", StandardCharsets.UTF_8);
        e = assertThrows(CheckpointException.class, () -> BertConfigJson.read(config));
        assertTrue(e.getMessage().endsWith("expected an integer, found an object"), e.getMessage());

        Files.writeString(config, "{\"vocab_size\": 10", StandardCharsets.UTF_8);
        e = assertThrows(CheckpointException.class, () -> BertConfigJson.read(config));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());

        Files.write(config, "{\n  \"model_type\": \"b\u00c3\u0028rt\"}".getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(CheckpointException.class, () -> BertConfigJson.read(config));
        assertTrue(e.getMessage().contains("not valid JSON at line 2, column ")
                && e.getMessage().contains("Invalid UTF-8"), e.getMessage());

        Files.writeString(config, "{\"vocab_size\": 10}", StandardCharsets.UTF_8);
        e = assertThrows(CheckpointException.class, () -> BertConfigJson.read(config));
        assertEquals("hidden_size", e.tensor());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void configRoundTripsAndReadsHfDefaults() throws IOException {
        Path config = dir.resolve("config.json");
        BertConfigJson.write(TINY, config);
        assertEquals(TINY, BertConfigJson.read(config));

        Files.writeString(config, "{\"model_type\":\"bert\",\"vocab_size\":30522,\"hidden_size\":768,"
                + "\"num_hidden_layers\":12,\"num_attention_heads\":12,\"intermediate_size\":3072,"
                + "\"max_position_embeddings\":512,\"hidden_act\":\"gelu\",\"gradient_checkpointing\":false,"
                + "\"architectures\":[\"BertForMaskedLM\"],\"id2label\":{\"0\":\"LABEL_0\"},\"bos_token_id\":null}",
                StandardCharsets.UTF_8);
        ModelConfig base = BertConfigJson.read(config);
        assertEquals(2, base.typeVocabSize());
        assertEquals(1e-12, base.layerNormEps());
        assertEquals(64, base.headSize());
    }
}
