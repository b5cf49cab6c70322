package io.bertlab.tokenizer.sentencepiece;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** Small builders for the {@code tokenizer.json} components, so the conversion reads like the JSON it writes. */
final class JsonNodes {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonNodes() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A JSON object built as a map (the core's writers build maps) as a tree. */
    static JsonNode tree(Map<String, Object> map) {
        return MAPPER.valueToTree(map);
    }

    static ObjectNode component(String type) {
        return object().put("type", type);
    }

    /** {@code {"String": text}}, the pattern of a literal {@code Replace}. */
    static ObjectNode literal(String text) {
        return object().put("String", text);
    }

    /** {@code {"Regex": regex}}, the pattern of a regular-expression {@code Replace}. */
    static ObjectNode regex(String regex) {
        return object().put("Regex", regex);
    }

    /**
     * No component, one, or a {@code Sequence} of them.
     *
     * @param field the sequence's list field: {@code normalizers}, {@code pretokenizers} or {@code decoders}
     * @param parts the components in order
     * @return null, the single component, or the sequence
     */
    static ObjectNode sequence(String field, List<ObjectNode> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ObjectNode sequence = component("Sequence");
        sequence.putArray(field).addAll(parts);
        return sequence;
    }
}
