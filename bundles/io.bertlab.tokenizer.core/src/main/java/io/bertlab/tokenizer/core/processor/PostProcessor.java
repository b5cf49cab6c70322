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
     * The offset trimming of {@link #process} when it depends on each token alone, so that the pipeline can trim
     * each token as the model makes it instead of going over the encodings again; then it calls
     * {@link #processTrimmed} instead of {@link #process}. Null (the default) when there is none.
     *
     * @return a new trimming (it remembers one vocabulary's tokens, so each pipeline needs its own), or null
     */
    default TokenTrimming tokenTrimming() {
        return null;
    }

    /**
     * {@link #process}, for encodings whose tokens are already trimmed by a {@link #tokenTrimming()} of this
     * processor: everything but the trimming.
     *
     * @param encodings one encoding per sequence (one or two), with sequence ids set and offsets trimmed
     * @param addSpecialTokens whether special tokens are wanted
     * @return the pieces to merge, in order
     * @throws UnsupportedOperationException when this processor has no {@link #tokenTrimming()}
     */
    default List<EncodingBuffer> processTrimmed(List<EncodingBuffer> encodings, boolean addSpecialTokens) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no token trimming");
    }

    /**
     * This processor as a {@code tokenizer.json} object.
     *
     * @return an ordered map
     */
    Map<String, Object> toJson();
}
