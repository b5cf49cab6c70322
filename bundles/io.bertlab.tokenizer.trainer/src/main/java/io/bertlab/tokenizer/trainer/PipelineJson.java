package io.bertlab.tokenizer.trainer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.tokenizer.core.spi.AddedToken;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The parts of a {@code tokenizer.json} around the model (normalizer, pre-tokenizer, post-processor, decoder,
 * truncation, padding), taken from a template tokenizer or a model family's usual pipeline, to which a trainer adds
 * its special tokens and model.
 */
final class PipelineJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root;

    private PipelineJson(ObjectNode root) {
        this.root = root;
    }

    /**
     * The pipeline of a template, or the given usual one when there is none.
     *
     * @param template a bertlab tokenizer, or null
     * @param usualPipeline {@code tokenizer.json} text without model
     * @return the pipeline
     */
    static PipelineJson of(Tokenizer template, String usualPipeline) {
        return parse(template == null ? usualPipeline : TokenizerFiles.toJson(template));
    }

    /**
     * A pipeline from {@code tokenizer.json} text (its model, if any, is ignored).
     *
     * @param json the text
     * @return the pipeline
     */
    static PipelineJson parse(String json) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(json);
            root.remove("model");
            root.putArray("added_tokens");
            return new PipelineJson(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the pipeline is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * This pipeline with another normalizer.
     *
     * @param normalizer the normalizer object, or null for none
     * @return a new pipeline
     */
    PipelineJson withNormalizer(Map<String, Object> normalizer) {
        ObjectNode copy = root.deepCopy();
        copy.set("normalizer", JSON.valueToTree(normalizer));
        return new PipelineJson(copy);
    }

    /** The pipeline with a model, without added tokens and post-processor: for splitting a corpus into words. */
    String splitterJson(Map<String, Object> model) {
        ObjectNode copy = root.deepCopy();
        copy.putNull("post_processor");
        copy.putNull("truncation");
        copy.putNull("padding");
        copy.set("model", JSON.valueToTree(model));
        return write(copy);
    }

    /**
     * The complete {@code tokenizer.json}: the special tokens become special added tokens with their vocabulary ids,
     * as HuggingFace's trainers add them.
     *
     * @param specialTokens the special tokens, each in the vocabulary
     * @param vocabulary token to id
     * @param model the model object
     * @return the JSON text
     */
    String tokenizerJson(List<String> specialTokens, Map<String, Integer> vocabulary, Map<String, Object> model) {
        ObjectNode copy = JSON.createObjectNode();
        copy.put("version", "1.0");
        copy.set("truncation", root.get("truncation"));
        copy.set("padding", root.get("padding"));
        ArrayNode added = copy.putArray("added_tokens");
        for (String special : specialTokens) {
            added.add(JSON.valueToTree(AddedToken.unnormalized(special, vocabulary.get(special), true).toJson()));
        }
        for (String part : List.of("normalizer", "pre_tokenizer", "post_processor", "decoder")) {
            copy.set(part, root.get(part));
        }
        copy.set("model", JSON.valueToTree(model));
        return write(copy);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
