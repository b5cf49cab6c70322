package io.bertlab.model.bert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes HuggingFace's BERT {@code config.json}. Fields HF gives defaults for may be absent (BERT-base's
 * values are used); the architecture fields must be present. Unknown fields are ignored on reading.
 */
public final class BertConfigJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BertConfigJson() {
    }

    /**
     * Reads a configuration.
     *
     * @param file the {@code config.json}
     * @return the configuration
     * @throws CheckpointException when the file is not JSON, a field is missing or has the wrong type, or the values
     *         are inconsistent (the message names the file and the field)
     * @throws IOException when the file cannot be read
     */
    public static ModelConfig read(Path file) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, null, "missing: no such file", e);
        } catch (JsonProcessingException e) {
            throw new CheckpointException(file, null, "not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointException(file, null, "expected a JSON object");
        }
        Fields fields = new Fields(root, file);
        String modelType = root.path("model_type").asText("bert");
        if (!modelType.equals("bert")) {
            throw new CheckpointException(file, "model_type", "is '" + modelType + "', expected 'bert'");
        }
        try {
            return new ModelConfig(
                    fields.requiredInt("vocab_size"),
                    fields.requiredInt("hidden_size"),
                    fields.requiredInt("num_hidden_layers"),
                    fields.requiredInt("num_attention_heads"),
                    fields.requiredInt("intermediate_size"),
                    fields.text("hidden_act", "gelu"),
                    fields.number("hidden_dropout_prob", 0.1),
                    fields.number("attention_probs_dropout_prob", 0.1),
                    fields.requiredInt("max_position_embeddings"),
                    fields.intOr("type_vocab_size", 2),
                    fields.number("initializer_range", 0.02),
                    fields.number("layer_norm_eps", 1e-12));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, null, e.getMessage(), e);
        }
    }

    /**
     * Writes a configuration atomically, with {@code model_type} and {@code architectures} as HF writes them.
     *
     * @param config the configuration
     * @param file the {@code config.json} to create or replace
     * @throws IOException when writing fails
     */
    public static void write(ModelConfig config, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("architectures").add("BertModel");
        root.put("model_type", "bert");
        root.put("vocab_size", config.vocabSize());
        root.put("hidden_size", config.hiddenSize());
        root.put("num_hidden_layers", config.numHiddenLayers());
        root.put("num_attention_heads", config.numAttentionHeads());
        root.put("intermediate_size", config.intermediateSize());
        root.put("hidden_act", config.hiddenAct());
        root.put("hidden_dropout_prob", config.hiddenDropoutProb());
        root.put("attention_probs_dropout_prob", config.attentionProbsDropoutProb());
        root.put("max_position_embeddings", config.maxPositionEmbeddings());
        root.put("type_vocab_size", config.typeVocabSize());
        root.put("initializer_range", config.initializerRange());
        root.put("layer_norm_eps", config.layerNormEps());
        byte[] bytes = JSON.writeValueAsBytes(root);
        AtomicFiles.write(file, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /** Typed access to the fields of one file, with errors naming file and field. */
    private record Fields(JsonNode root, Path file) {

        int requiredInt(String name) throws CheckpointException {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                throw new CheckpointException(file, name, "required field is missing");
            }
            return asInt(name, node);
        }

        int intOr(String name, int fallback) throws CheckpointException {
            JsonNode node = root.get(name);
            return node == null || node.isNull() ? fallback : asInt(name, node);
        }

        double number(String name, double fallback) throws CheckpointException {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isNumber()) {
                throw new CheckpointException(file, name, "expected a number, found " + node);
            }
            return node.asDouble();
        }

        String text(String name, String fallback) throws CheckpointException {
            JsonNode node = root.get(name);
            if (node == null || node.isNull()) {
                return fallback;
            }
            if (!node.isTextual()) {
                throw new CheckpointException(file, name, "expected a string, found " + node);
            }
            return node.asText();
        }

        private int asInt(String name, JsonNode node) throws CheckpointException {
            if (!node.isIntegralNumber() || !node.canConvertToInt()) {
                throw new CheckpointException(file, name, "expected an integer, found " + node);
            }
            return node.asInt();
        }
    }
}
