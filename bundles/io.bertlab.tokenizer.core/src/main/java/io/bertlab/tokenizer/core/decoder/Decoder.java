package io.bertlab.tokenizer.core.decoder;

import java.util.List;
import java.util.Map;

/** Turns tokens back into text; decoders chain, each rewriting the token list of the previous one. */
public interface Decoder {

    /**
     * Rewrites tokens.
     *
     * @param tokens the tokens so far
     * @return the new tokens; the final text is their concatenation
     */
    List<String> decodeChain(List<String> tokens);

    /**
     * This decoder as a {@code tokenizer.json} object.
     *
     * @return an ordered map
     */
    Map<String, Object> toJson();
}
