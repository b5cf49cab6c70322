package io.bertlab.tokenizer.sentencepiece;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Converts a SentencePiece model into the {@code tokenizer.json} tree HuggingFace's converters build for it, so the
 * core's reader, pipeline and model plugins serve it like any other file. A model family's extras (ALBERT's
 * lower-casing, the special tokens a post-processor puts around each text, T5's {@code <extra_id_N>} tokens, XLNet's
 * and ALBERT's lowered scores for pieces such as {@code "1,"}) live in the family's tokenizer class, not in the model
 * file: they come from the {@code tokenizer_config.json} beside it ({@link TokenizerClass}), and a bare
 * {@code .model} has none of them.
 */
final class TokenizerJsonConverter {

    private TokenizerJsonConverter() {
    }

    /**
     * The tree of a bare model.
     *
     * @param spec the checked model
     * @return the {@code tokenizer.json} root object
     */
    static ObjectNode convert(SentencePieceSpec spec) {
        return convert(spec, TokenizerClass.none());
    }

    /**
     * The tree with the tokenizer class's part.
     *
     * @param spec the checked model
     * @param tokenizerClass the class and settings of the {@code tokenizer_config.json} beside the model
     * @return the {@code tokenizer.json} root object
     */
    static ObjectNode convert(SentencePieceSpec spec, TokenizerClass tokenizerClass) {
        WhitespaceStages stages = new WhitespaceStages(spec);
        ObjectNode root = JsonNodes.object().put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.set("added_tokens", AddedTokens.of(spec.pieces(), tokenizerClass.appendedTokens()));
        root.set("normalizer", stages.normalizer(tokenizerClass.normalizersBeforeCharsmap()));
        root.set("pre_tokenizer", stages.preTokenizer());
        root.set("post_processor", tokenizerClass.postProcessor());
        root.set("decoder", stages.decoder());
        root.set("model", ModelJson.of(spec, tokenizerClass));
        return root;
    }
}
