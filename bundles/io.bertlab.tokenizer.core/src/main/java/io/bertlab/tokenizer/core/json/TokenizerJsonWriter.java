package io.bertlab.tokenizer.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bertlab.api.tokenizer.Direction;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Padding;
import io.bertlab.api.tokenizer.PaddingStrategy;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.tokenizer.core.spi.AddedToken;
import io.bertlab.tokenizer.core.pipeline.Pipeline;
import io.bertlab.tokenizer.core.pipeline.PipelineTokenizer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link PipelineTokenizer} as a HuggingFace {@code tokenizer.json}, in HuggingFace's key order. */
public final class TokenizerJsonWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TokenizerJsonWriter() {
    }

    /**
     * The JSON text.
     *
     * @param tokenizer the tokenizer
     * @return pretty-printed JSON
     */
    public static String write(PipelineTokenizer tokenizer) {
        try {
            return MAPPER.writeValueAsString(toJson(tokenizer));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The JSON tree as ordered maps and lists.
     *
     * @param tokenizer the tokenizer
     * @return the root object
     */
    public static Map<String, Object> toJson(PipelineTokenizer tokenizer) {
        Pipeline p = tokenizer.pipeline();
        EncodeOptions defaults = tokenizer.defaults();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", "1.0");
        root.put("truncation", defaults.truncation().map(TokenizerJsonWriter::truncation).orElse(null));
        root.put("padding", defaults.padding().map(TokenizerJsonWriter::padding).orElse(null));
        List<Object> added = new ArrayList<>();
        for (AddedToken t : p.addedVocabulary().tokens()) {
            added.add(t.toJson());
        }
        root.put("added_tokens", added);
        root.put("normalizer", p.normalizer() == null ? null : p.normalizer().toJson());
        root.put("pre_tokenizer", p.preTokenizer() == null ? null : p.preTokenizer().toJson());
        root.put("post_processor", p.postProcessor() == null ? null : p.postProcessor().toJson());
        root.put("decoder", p.decoder() == null ? null : p.decoder().toJson());
        root.put("model", p.model().toJson());
        return root;
    }

    private static Map<String, Object> truncation(Truncation t) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("direction", direction(t.direction()));
        json.put("max_length", t.maxLength());
        json.put("strategy", switch (t.strategy()) {
            case LONGEST_FIRST -> "LongestFirst";
            case ONLY_FIRST -> "OnlyFirst";
            case ONLY_SECOND -> "OnlySecond";
        });
        json.put("stride", t.stride());
        return json;
    }

    private static Map<String, Object> padding(Padding p) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("strategy", p.strategy() == PaddingStrategy.FIXED ? Map.of("Fixed", p.length()) : "BatchLongest");
        json.put("direction", direction(p.direction()));
        json.put("pad_to_multiple_of", p.padToMultipleOf() == 0 ? null : p.padToMultipleOf());
        json.put("pad_id", p.padId());
        json.put("pad_type_id", p.padTypeId());
        json.put("pad_token", p.padToken());
        return json;
    }

    private static String direction(Direction d) {
        return d == Direction.LEFT ? "Left" : "Right";
    }
}
