package io.bertlab.tokenizer.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.tokenizer.core.spi.ModelConfig;
import io.bertlab.tokenizer.core.spi.ScoredToken;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of a {@code tokenizer.json} together with its file and JSON path, so that every accessor's error
 * says where and what was expected.
 */
public final class ConfigNode implements ModelConfig {

    private final Path file;
    private final String path;
    private final JsonNode node;

    /**
     * A node.
     *
     * @param file the file, or null for input from memory
     * @param path the JSON path of this node ({@code ""} for the root)
     * @param node the JSON value
     */
    public ConfigNode(Path file, String path, JsonNode node) {
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
        return node.has(field);
    }

    /**
     * Whether a field is absent or JSON null.
     *
     * @param field the field
     * @return true when absent or null
     */
    public boolean isNull(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull();
    }

    /**
     * A required object field.
     *
     * @param field the field
     * @return the child node
     * @throws TokenizerFormatException when absent or not an object
     */
    public ConfigNode object(String field) throws TokenizerFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
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
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw error(field, "expected an array, found " + describe(value));
        }
        List<ConfigNode> list = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            list.add(new ConfigNode(file, fieldPath(field) + "[" + i + "]", value.get(i)));
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
        if (!node.isObject()) {
            throw error(null, "expected an object, found " + describe(node));
        }
        Map<String, ConfigNode> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), new ConfigNode(file, fieldPath(e.getKey()), e.getValue()));
        }
        return map;
    }

    /**
     * Whether this node is an object.
     *
     * @return true for an object
     */
    public boolean isObject() {
        return node.isObject();
    }

    /**
     * Whether this node is an integer.
     *
     * @return true for an integral number
     */
    public boolean isInteger() {
        return node.isIntegralNumber();
    }

    /**
     * This node as a string.
     *
     * @return the text
     * @throws TokenizerFormatException when not a string
     */
    public String asString() throws TokenizerFormatException {
        if (!node.isTextual()) {
            throw error(null, "expected a string, found " + describe(node));
        }
        return node.textValue();
    }

    /**
     * This node as a non-negative integer.
     *
     * @return the value
     * @throws TokenizerFormatException when not one
     */
    public int asInt() throws TokenizerFormatException {
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 0) {
            throw error(null, "expected a non-negative integer, found " + describe(node));
        }
        return node.intValue();
    }

    /**
     * A required string field.
     *
     * @param field the field
     * @return the value
     * @throws TokenizerFormatException when absent or not a string
     */
    public String requiredString(String field) throws TokenizerFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw error(field, "expected a string, found " + describe(value));
        }
        return value.textValue();
    }

    @Override
    public String string(String field, String fallback) throws TokenizerFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw error(field, "expected a string, found " + describe(value));
        }
        return value.textValue();
    }

    @Override
    public boolean bool(String field, boolean fallback) throws TokenizerFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw error(field, "expected true or false, found " + describe(value));
        }
        return value.booleanValue();
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
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        return new ConfigNode(file, fieldPath(field), value).asInt();
    }

    @Override
    public Double number(String field) throws TokenizerFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw error(field, "expected a number, found " + describe(value));
        }
        return value.doubleValue();
    }

    @Override
    public Map<String, Integer> vocabulary(String field) throws TokenizerFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw error(field, "expected an object of token to id, found " + describe(value));
        }
        Map<String, Integer> vocab = new LinkedHashMap<>(value.size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode id = e.getValue();
            if (!id.isIntegralNumber() || !id.canConvertToInt() || id.intValue() < 0) {
                throw error(field + "." + e.getKey(), "expected a non-negative integer id, found " + describe(id));
            }
            vocab.put(e.getKey(), id.intValue());
        }
        return vocab;
    }

    @Override
    public List<String[]> merges(String field) throws TokenizerFormatException {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw error(field, "expected an array of merges, found " + describe(value));
        }
        List<String[]> merges = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode merge = value.get(i);
            String[] pair = null;
            if (merge.isTextual()) {
                String[] parts = merge.textValue().split(" ", -1);
                pair = parts.length == 2 ? parts : null;
            } else if (merge.isArray() && merge.size() == 2 && merge.get(0).isTextual() && merge.get(1).isTextual()) {
                pair = new String[] {merge.get(0).textValue(), merge.get(1).textValue()};
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
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw error(field, "expected an array of [token, score] pairs, found " + describe(value));
        }
        List<ScoredToken> pairs = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode pair = value.get(i);
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isNumber()) {
                throw error(field + "[" + i + "]", "expected [token, score] (a string and a number), found "
                        + describe(pair));
            }
            pairs.add(new ScoredToken(pair.get(0).textValue(), pair.get(1).doubleValue()));
        }
        return pairs;
    }

    /**
     * A short description of a JSON value for messages.
     *
     * @param value the value, or null when absent
     * @return e.g. {@code nothing}, {@code the number 3}, {@code the string "x"}
     */
    static String describe(JsonNode value) {
        if (value == null) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null";
        }
        String text = value.toString();
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return (value.isTextual() ? "the string " : value.isNumber() ? "the number " : value.isArray() ? "an array "
                : value.isObject() ? "an object " : "") + text;
    }
}
