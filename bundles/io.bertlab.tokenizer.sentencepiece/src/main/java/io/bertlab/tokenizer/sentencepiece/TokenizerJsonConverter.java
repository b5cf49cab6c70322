package io.bertlab.tokenizer.sentencepiece;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts a SentencePiece model into the {@code tokenizer.json} tree HuggingFace's converters build for it, so the
 * core's reader, pipeline and model plugins serve it like any other file. Only what the {@code .model} itself says
 * is converted: a model family's extras (ALBERT's lower-casing, the special tokens a post-processor puts around
 * each text, T5's {@code <extra_id_N>} tokens, XLNet's and ALBERT's lowered scores for pieces such as {@code "1,"})
 * live in the family's tokenizer class, not in the model file, so a bare {@code .model} has no post-processor.
 */
final class TokenizerJsonConverter {

    private TokenizerJsonConverter() {
    }

    /**
     * The tree.
     *
     * @param spec the checked model
     * @return the {@code tokenizer.json} root object
     */
    static ObjectNode convert(SentencePieceSpec spec) {
        WhitespaceStages stages = new WhitespaceStages(spec);
        ObjectNode root = JsonNodes.object().put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.set("added_tokens", AddedTokens.of(spec.pieces()));
        root.set("normalizer", stages.normalizer());
        root.set("pre_tokenizer", stages.preTokenizer());
        root.putNull("post_processor");
        root.set("decoder", stages.decoder());
        root.set("model", ModelJson.of(spec));
        return root;
    }
}
