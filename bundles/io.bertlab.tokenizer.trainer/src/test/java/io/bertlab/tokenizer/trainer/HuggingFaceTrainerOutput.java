package io.bertlab.tokenizer.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model of a {@code tokenizer.json}, as written by HuggingFace's trainers or by bertlab's: vocab and merges. */
record HuggingFaceTrainerOutput(Map<String, Integer> vocabulary, List<String> merges, JsonNode root) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static HuggingFaceTrainerOutput read(Path file) throws IOException {
        return parse(JSON.readTree(file.toFile()));
    }

    static HuggingFaceTrainerOutput parse(String json) throws IOException {
        return parse(JSON.readTree(json));
    }

    private static HuggingFaceTrainerOutput parse(JsonNode root) {
        JsonNode model = root.get("model");
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        model.get("vocab").fields().forEachRemaining(e -> vocabulary.put(e.getKey(), e.getValue().intValue()));
        List<String> merges = new ArrayList<>();
        if (model.has("merges")) {
            for (JsonNode merge : model.get("merges")) {
                merges.add(merge.isArray() ? merge.get(0).textValue() + " " + merge.get(1).textValue()
                        : merge.textValue());
            }
        }
        return new HuggingFaceTrainerOutput(vocabulary, merges, root);
    }
}
