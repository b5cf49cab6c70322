package io.bertlab.tokenizer.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text as plain Java values: objects as {@code Map<String, Object>} in file order, arrays as
 * {@code List<Object>}, strings, numbers ({@code Integer}, {@code Long} or {@code BigInteger} when integral,
 * {@code Double} otherwise), booleans, and {@code null}. Read with Jackson's streaming parser only: its data-binding
 * layer ({@code ObjectMapper} and the tree model) costs a cold JVM about 450 classes and 0.1 s, more than a
 * one-line {@code tokenize} spends on anything else. As Jackson's tree does, a repeated field keeps its last value.
 */
final class JsonTree {

    /**
     * Field names are neither canonicalised nor interned: a vocabulary is an object of some 30,000 distinct names,
     * each seen once, and sharing them through Jackson's symbol table and the JVM's string table took two thirds of
     * the parse of bert-base-uncased's {@code tokenizer.json}.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();
    /** Longest description of a value in a message. */
    private static final int DESCRIPTION_LENGTH = 60;

    private JsonTree() {
    }

    /**
     * Parses JSON text.
     *
     * @param json the text, not blank
     * @return its first value (text after it is ignored, as Jackson's tree reader ignores it)
     * @throws IOException as Jackson's {@code JsonProcessingException} for malformed JSON, with its location
     */
    static Object parse(String json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : read(parser, first);
        }
    }

    // Nesting is bounded by the parser's own limit (StreamReadConstraints: 1,000 levels by default).
    private static Object read(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.put(name, read(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(read(parser, next));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    /**
     * A value as compact JSON, cut at {@value #DESCRIPTION_LENGTH} characters (ending in {@code ...}), for messages.
     *
     * @param value a value of a parsed tree, or of the same kinds of Java objects
     * @return the JSON text
     */
    static String shortJson(Object value) {
        StringBuilder text = new StringBuilder();
        write(value, text);
        return text.length() > DESCRIPTION_LENGTH ? text.substring(0, DESCRIPTION_LENGTH - 3) + "..." : text.toString();
    }

    /** Writes compact JSON, stopping early once the description is long enough to be cut. */
    private static void write(Object value, StringBuilder out) {
        if (out.length() > DESCRIPTION_LENGTH) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(separator);
                writeString(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
                separator = ",";
                if (out.length() > DESCRIPTION_LENGTH) {
                    return;
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            String separator = "";
            for (Object element : list) {
                out.append(separator);
                write(element, out);
                separator = ",";
                if (out.length() > DESCRIPTION_LENGTH) {
                    return;
                }
            }
            out.append(']');
        } else if (value instanceof String string) {
            writeString(string, out);
        } else {
            out.append(value); // numbers, booleans, null
        }
    }

    private static void writeString(String string, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
