package io.bertlab.tokenizer.core.json;

import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.tokenizer.core.spi.ModelConfig;
import io.bertlab.tokenizer.core.spi.ScoredToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of a {@code tokenizer.json} together with its file and JSON path, so that every accessor's error
 * says where and what was expected.
 */
public final class ConfigNode implements ModelConfig {

    /** What {@link #value} returns for a field that is not there (JSON null is Java {@code null}). */
    private static final Object ABSENT = new Object();

    private final Path file;
    private final String path;
    private final Object node;

    /**
     * A node.
     *
     * @param file the file, or null for input from memory
     * @param path the JSON path of this node ({@code ""} for the root)
     * @param node the JSON value, as {@link JsonTree} reads it: maps, lists, strings, numbers, booleans, null
     */
    public ConfigNode(Path file, String path, Object node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /**
     * The JSON path.
     *
     * @return e.g. {@code normalizer.normalizers[1]}
     */
    public String path() {
        return path;
    }

    /**
     * The file.
     *
     * @return the file, or null
     */
    public Path file() {
        return file;
    }

    private String fieldPath(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    @Override
    public TokenizerFormatException error(String field, String problem) {
        return new TokenizerFormatException(file, field == null ? (path.isEmpty() ? "(root)" : path) : fieldPath(field),
                problem);
    }

    @Override
    public boolean has(String field) {
        return node instanceof Map<?, ?> object && object.containsKey(field);
    }

    /** A field's value: {@link #ABSENT} when this is not an object or has no such field. */
    private Object value(String field) {
        return has(field) ? ((Map<?, ?>) node).get(field) : ABSENT;
    }

    private static boolean isAbsentOrNull(Object value) {
        return value == null || value == ABSENT;
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte;
    }

    /** An integral value that fits an int and is not negative, or -1. */
    private static int nonNegativeInt(Object value) {
        if (!isIntegral(value)) {
            return -1;
        }
        Number number = (Number) value;
        return number instanceof BigInteger || number.longValue() > Integer.MAX_VALUE ? -1
                : (int) Math.max(-1, number.longValue());
    }

    /**
     * Whether a field is absent or JSON null.
     *
     * @param field the field
     * @return true when absent or null
     */
    public boolean isNull(String field) {
        return isAbsentOrNull(value(field));
    }

    /**
     * A required object field.
     *
     * @param field the field
     * @return the child node
     * @throws TokenizerFormatException when absent or not an object
     */
    public ConfigNode object(String field) throws TokenizerFormatException {
        Object value = value(field);
        if (!(value instanceof Map)) {
            throw error(field, "expected an object, found " + describe(value));
        }
        return new ConfigNode(file, fieldPath(field), value);
    }

    /**
     * A required array field, as nodes.
     *
     * @param field the field
     * @return the elements
     * @throws TokenizerFormatException when absent or not an array
     */
    public List<ConfigNode> array(String field) throws TokenizerFormatException {
        if (!(value(field) instanceof List<?> elements)) {
            throw error(field, "expected an array, found " + describe(value(field)));
        }
        List<ConfigNode> list = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            list.add(new ConfigNode(file, fieldPath(field) + "[" + i + "]", elements.get(i)));
        }
        return list;
    }

    /**
     * This node's fields, as nodes.
     *
     * @return field name to node, in file order
     * @throws TokenizerFormatException when this is not an object
     */
    public Map<String, ConfigNode> fields() throws TokenizerFormatException {
        if (!(node instanceof Map<?, ?> object)) {
            throw error(null, "expected an object, found " + describe(node));
        }
        Map<String, ConfigNode> map = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : object.entrySet()) {
            String name = String.valueOf(e.getKey());
            map.put(name, new ConfigNode(file, fieldPath(name), e.getValue()));
        }
        return map;
    }

    /**
     * Whether this node is an object.
     *
     * @return true for an object
     */
    public boolean isObject() {
        return node instanceof Map;
    }

    /**
     * Whether this node is an integer.
     *
     * @return true for an integral number
     */
    public boolean isInteger() {
        return isIntegral(node);
    }

    /**
     * This node as a string.
     *
     * @return the text
     * @throws TokenizerFormatException when not a string
     */
    public String asString() throws TokenizerFormatException {
        if (!(node instanceof String text)) {
            throw error(null, "expected a string, found " + describe(node));
        }
        return text;
    }

    /**
     * This node as a non-negative integer.
     *
     * @return the value
     * @throws TokenizerFormatException when not one
     */
    public int asInt() throws TokenizerFormatException {
        int value = nonNegativeInt(node);
        if (value < 0) {
            throw error(null, "expected a non-negative integer, found " + describe(node));
        }
        return value;
    }

    /**
     * A required string field.
     *
     * @param field the field
     * @return the value
     * @throws TokenizerFormatException when absent or not a string
     */
    public String requiredString(String field) throws TokenizerFormatException {
        if (!(value(field) instanceof String text)) {
            throw error(field, "expected a string, found " + describe(value(field)));
        }
        return text;
    }

    @Override
    public String string(String field, String fallback) throws TokenizerFormatException {
        Object value = value(field);
        if (isAbsentOrNull(value)) {
            return fallback;
        }
        if (!(value instanceof String text)) {
            throw error(field, "expected a string, found " + describe(value));
        }
        return text;
    }

    @Override
    public boolean bool(String field, boolean fallback) throws TokenizerFormatException {
        Object value = value(field);
        if (isAbsentOrNull(value)) {
            return fallback;
        }
        if (!(value instanceof Boolean flag)) {
            throw error(field, "expected true or false, found " + describe(value));
        }
        return flag;
    }

    /**
     * A boolean field that may be null.
     *
     * @param field the field
     * @return the value, or null when absent or null
     * @throws TokenizerFormatException when present but not a boolean
     */
    public Boolean optionalBool(String field) throws TokenizerFormatException {
        return isNull(field) ? null : bool(field, false);
    }

    @Override
    public int integer(String field, int fallback) throws TokenizerFormatException {
        Object value = value(field);
        if (isAbsentOrNull(value)) {
            return fallback;
        }
        return new ConfigNode(file, fieldPath(field), value).asInt();
    }

    @Override
    public Double number(String field) throws TokenizerFormatException {
        Object value = value(field);
        if (isAbsentOrNull(value)) {
            return null;
        }
        if (!(value instanceof Number number)) {
            throw error(field, "expected a number, found " + describe(value));
        }
        return number.doubleValue();
    }

    @Override
    public Map<String, Integer> vocabulary(String field) throws TokenizerFormatException {
        if (!(value(field) instanceof Map<?, ?> entries)) {
            throw error(field, "expected an object of token to id, found " + describe(value(field)));
        }
        Map<String, Integer> vocab = new LinkedHashMap<>(entries.size() * 2);
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            int id = nonNegativeInt(e.getValue());
            if (id < 0) {
                throw error(field + "." + e.getKey(), "expected a non-negative integer id, found "
                        + describe(e.getValue()));
            }
            vocab.put(String.valueOf(e.getKey()), id);
        }
        return vocab;
    }

    @Override
    public List<String[]> merges(String field) throws TokenizerFormatException {
        if (!(value(field) instanceof List<?> elements)) {
            throw error(field, "expected an array of merges, found " + describe(value(field)));
        }
        List<String[]> merges = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Object merge = elements.get(i);
            String[] pair = null;
            if (merge instanceof String text) {
                String[] parts = text.split(" ", -1);
                pair = parts.length == 2 ? parts : null;
            } else if (merge instanceof List<?> two && two.size() == 2 && two.get(0) instanceof String left
                    && two.get(1) instanceof String right) {
                pair = new String[] {left, right};
            }
            if (pair == null) {
                throw error(field + "[" + i + "]",
                        "expected \"left right\" or [\"left\", \"right\"], found " + describe(merge));
            }
            merges.add(pair);
        }
        return merges;
    }

    @Override
    public List<ScoredToken> scoredTokens(String field) throws TokenizerFormatException {
        if (!(value(field) instanceof List<?> elements)) {
            throw error(field, "expected an array of [token, score] pairs, found " + describe(value(field)));
        }
        List<ScoredToken> pairs = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Object pair = elements.get(i);
            if (!(pair instanceof List<?> two && two.size() == 2 && two.get(0) instanceof String token
                    && two.get(1) instanceof Number score)) {
                throw error(field + "[" + i + "]", "expected [token, score] (a string and a number), found "
                        + describe(pair));
            }
            pairs.add(new ScoredToken(token, score.doubleValue()));
        }
        return pairs;
    }

    /**
     * A short description of a JSON value for messages.
     *
     * @param value the value, or {@link #ABSENT}
     * @return e.g. {@code nothing}, {@code the number 3}, {@code the string "x"}
     */
    static String describe(Object value) {
        if (value == ABSENT) {
            return "nothing";
        }
        if (value == null) {
            return "null";
        }
        return (value instanceof String ? "the string " : value instanceof Number ? "the number "
                : value instanceof List ? "an array " : value instanceof Map ? "an object " : "")
                + JsonTree.shortJson(value);
    }
}
