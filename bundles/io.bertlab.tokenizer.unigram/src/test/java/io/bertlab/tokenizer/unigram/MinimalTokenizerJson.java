package io.bertlab.tokenizer.unigram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code tokenizer.json} with one component under test and a Unigram model whose first piece is the unknown one,
 * for checking that component against HuggingFace in isolation.
 */
final class MinimalTokenizerJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MinimalTokenizerJson() {
    }

    /**
     * The file's text.
     *
     * @param preTokenizer the pre-tokenizer object as JSON, or null
     * @param decoder the decoder object as JSON, or null
     * @param pieces the vocabulary after {@code <unk>} (id 0), each scored -1
     * @return the JSON text
     */
    static String with(String preTokenizer, String decoder, String... pieces) {
        try {
            List<Object> vocab = new ArrayList<>();
            vocab.add(List.of("<unk>", 0.0));
            for (String piece : pieces) {
                vocab.add(List.of(piece, -1.0));
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("type", "Unigram");
            model.put("unk_id", 0);
            model.put("vocab", vocab);
            model.put("byte_fallback", false);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("version", "1.0");
            root.put("truncation", null);
            root.put("padding", null);
            root.put("added_tokens", List.of());
            root.put("normalizer", null);
            root.put("pre_tokenizer", preTokenizer == null ? null : JSON.readTree(preTokenizer));
            root.put("post_processor", null);
            root.put("decoder", decoder == null ? null : JSON.readTree(decoder));
            root.put("model", model);
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
