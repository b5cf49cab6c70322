package io.bertlab.tokenizer.core.processor;

import io.bertlab.tokenizer.core.encoding.EncodingBuffer;
import java.util.List;
import java.util.Map;

/**
 * The last encoding stage: adds special tokens and sets type ids. As in HuggingFace, a processor turns the list of
 * sequence encodings into a list of pieces, which the pipeline then merges in order.
 */
public interface PostProcessor {

    /**
     * How many special tokens this processor adds, so that truncation leaves room for them.
     *
     * @param pair whether the input is a pair
     * @return the number of added tokens
     */
    int addedTokens(boolean pair);

    /**
     * Processes the encodings of one input.
     *
     * @param encodings one encoding per sequence (one or two), with sequence ids set
     * @param addSpecialTokens whether special tokens are wanted
     * @return the pieces to merge, in order
     */
    List<EncodingBuffer> process(List<EncodingBuffer> encodings, boolean addSpecialTokens);

    /**
     * This processor as a {@code tokenizer.json} object.
     *
     * @return an ordered map
     */
    Map<String, Object> toJson();
}
