package io.bertlab.model.bert;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.HashMap;
import java.util.Map;

/**
 * Reads and writes HuggingFace's BERT {@code config.json}. Fields HF gives defaults for may be absent (BERT-base's
 * values are used); the architecture fields must be present. Unknown fields are ignored on reading.
 */
public final class BertConfigJson {

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
        Fields fields;
        try (JsonParser parser = StreamingJson.FACTORY.createParser(Files.readAllBytes(file))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CheckpointException(file, null, "expected a JSON object");
            }
            fields = new Fields(topLevelValues(parser), file);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, null, "missing: no such file", e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new CheckpointException(file, null, "not valid JSON" + where + " (" + e.getOriginalMessage() + ")",
                    e);
        }
        String modelType = fields.text("model_type", "bert");
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
     * The fields of the object the parser has just entered: every scalar a field holds (a string, a number, a
     * boolean, {@code null}), and {@link Nested} for an object or an array, which a configuration's architecture never
     * needs ({@code id2label} and the like).
     */
    private static Map<String, Object> topLevelValues(JsonParser parser) throws IOException {
        Map<String, Object> values = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                parser.skipChildren();
                values.put(name, new Nested(token == JsonToken.START_OBJECT ? "an object" : "an array"));
            } else {
                values.put(name, StreamingJson.scalar(parser, token));
            }
        }
        return values;
    }

    /** An object or array where a scalar may be expected, by its kind. */
    private record Nested(String kind) {
        @Override
        public String toString() {
            return kind;
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
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
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
        byte[] bytes = json.writeValueAsBytes(root);
        AtomicFiles.write(file, channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    /** Typed access to the fields of one file, with errors naming file and field. */
    private record Fields(Map<String, Object> values, Path file) {

        int requiredInt(String name) throws CheckpointException {
            Object value = values.get(name);
            if (value == null) {
                throw new CheckpointException(file, name, "required field is missing");
            }
            return asInt(name, value);
        }

        int intOr(String name, int fallback) throws CheckpointException {
            Object value = values.get(name);
            return value == null ? fallback : asInt(name, value);
        }

        double number(String name, double fallback) throws CheckpointException {
            Object value = values.get(name);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof Number number)) {
                throw new CheckpointException(file, name, "expected a number, found " + describe(value));
            }
            return number.doubleValue();
        }

        String text(String name, String fallback) throws CheckpointException {
            Object value = values.get(name);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof String text)) {
                throw new CheckpointException(file, name, "expected a string, found " + describe(value));
            }
            return text;
        }

        private int asInt(String name, Object value) throws CheckpointException {
            if (!(value instanceof Integer integer)) {
                // the parser gives Integer for every integral number that fits an int
                throw new CheckpointException(file, name, "expected an integer, found " + describe(value));
            }
            return integer;
        }

        private static String describe(Object value) {
            return value instanceof String text ? '"' + text + '"' : String.valueOf(value);
        }
    }
}
