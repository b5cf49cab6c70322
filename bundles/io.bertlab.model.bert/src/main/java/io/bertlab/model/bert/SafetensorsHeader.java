package io.bertlab.model.bert;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.bertlab.api.model.CheckpointException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON header of a safetensors file, as written: each tensor's entry with its fields, and the
 * {@code __metadata__} pairs. Nothing is checked here beyond JSON syntax and the header being an object (what an entry
 * must hold is {@link Safetensors}' to say); every entry keeps its own JSON text for messages. Read with
 * {@link StreamingJson}.
 *
 * @param entries the tensors' entries by name, in file order (a repeated name keeps its first place and last value)
 * @param metadata the {@code __metadata__} pairs, values as text
 */
record SafetensorsHeader(Map<String, Entry> entries, Map<String, String> metadata) {

    static final String METADATA = "__metadata__";

    /**
     * One tensor's entry.
     *
     * @param dtype the {@code dtype} string, or {@code null} when absent or not a string
     * @param shape the {@code shape} array, or {@code null} when absent or not an array
     * @param offsets the {@code data_offsets} array, or {@code null} when absent or not an array
     * @param json the entry's JSON text
     */
    record Entry(String dtype, Array shape, Array offsets, String json) {
    }

    /**
     * An array of the header.
     *
     * @param values its elements: {@code Integer}, {@code Long} or {@code BigInteger} for integral numbers, else
     *        whatever else they are ({@code Double}, strings, or their JSON text for nested values)
     * @param json its JSON text
     */
    record Array(List<Object> values, String json) {
    }

    /**
     * Parses a header.
     *
     * @param bytes the header's bytes
     * @param file the file, for messages
     * @return the header
     * @throws CheckpointException when the header is not a JSON object
     */
    static SafetensorsHeader parse(byte[] bytes, Path file) throws CheckpointException {
        try (JsonParser parser = StreamingJson.FACTORY.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new CheckpointException(file, null, "corrupt: the header is not a JSON object");
            }
            Map<String, Entry> entries = new LinkedHashMap<>();
            Map<String, String> metadata = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                if (name.equals(METADATA)) {
                    readMetadata(parser, token, bytes, metadata);
                } else {
                    entries.put(name, readEntry(parser, token, bytes));
                }
            }
            return new SafetensorsHeader(entries, metadata);
        } catch (JsonProcessingException e) {
            throw new CheckpointException(file, null, "corrupt: the header is not valid JSON ("
                    + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new CheckpointException(file, null, "corrupt: unreadable header", e);
        }
    }

    private static Entry readEntry(JsonParser parser, JsonToken token, byte[] bytes) throws IOException {
        long start = parser.currentTokenLocation().getByteOffset();
        String dtype = null;
        Array shape = null;
        Array offsets = null;
        if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (field) {
                    case "dtype" -> {
                        dtype = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                        parser.skipChildren();
                    }
                    case "shape" -> shape = readArray(parser, value, bytes);
                    case "data_offsets" -> offsets = readArray(parser, value, bytes);
                    default -> parser.skipChildren();
                }
            }
        } else {
            parser.skipChildren();
        }
        return new Entry(dtype, shape, offsets, text(bytes, start, parser));
    }

    private static Array readArray(JsonParser parser, JsonToken token, byte[] bytes) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        long start = parser.currentTokenLocation().getByteOffset();
        List<Object> values = new ArrayList<>();
        JsonToken element;
        while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
            values.add(scalarOrText(parser, element, bytes));
        }
        return new Array(values, text(bytes, start, parser));
    }

    private static void readMetadata(JsonParser parser, JsonToken token, byte[] bytes, Map<String, String> metadata)
            throws IOException {
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonToken value = parser.nextToken();
            metadata.put(key, String.valueOf(scalarOrText(parser, value, bytes)));
        }
    }

    /** A scalar as a Java value ({@link StreamingJson#scalar}); an object or array as its JSON text. */
    private static Object scalarOrText(JsonParser parser, JsonToken token, byte[] bytes) throws IOException {
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return StreamingJson.scalar(parser, token);
        }
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        return text(bytes, start, parser);
    }

    /** The JSON text from a byte offset to the end of the token the parser is on. */
    private static String text(byte[] bytes, long start, JsonParser parser) {
        long end = parser.currentLocation().getByteOffset();
        return new String(bytes, (int) start, (int) (end - start), StandardCharsets.UTF_8);
    }
}
