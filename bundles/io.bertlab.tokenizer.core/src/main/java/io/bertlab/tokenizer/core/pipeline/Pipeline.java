package io.bertlab.tokenizer.core.pipeline;

import io.bertlab.tokenizer.core.decoder.Decoder;
import io.bertlab.tokenizer.core.normalizer.Normalizer;
import io.bertlab.tokenizer.core.pretokenizer.PreTokenizer;
import io.bertlab.tokenizer.core.processor.PostProcessor;
import io.bertlab.tokenizer.core.spi.TokenizerModel;

/**
 * The components of a tokenizer, as {@code tokenizer.json} lists them. Every stage but the model is optional.
 *
 * @param normalizer the normalizer, or null
 * @param preTokenizer the pre-tokenizer, or null
 * @param model the model
 * @param postProcessor the post-processor, or null
 * @param decoder the decoder, or null
 * @param addedVocabulary the added tokens
 */
public record Pipeline(Normalizer normalizer, PreTokenizer preTokenizer, TokenizerModel model,
        PostProcessor postProcessor, Decoder decoder, AddedVocabulary addedVocabulary) {
}
