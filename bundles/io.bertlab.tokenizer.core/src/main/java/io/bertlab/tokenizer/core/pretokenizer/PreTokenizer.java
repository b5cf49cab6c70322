package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.List;
import java.util.Map;

/** The second pipeline stage: splits normalized text into words (and may rewrite them, as byte-level does). */
public interface PreTokenizer {

    /**
     * Splits one piece.
     *
     * @param piece a non-empty piece of normalized text
     * @param out receives the words, in order; empty words are not added
     */
    void split(NormalizedText piece, List<NormalizedText> out);

    /**
     * This pre-tokenizer as a {@code tokenizer.json} object, {@code type} first.
     *
     * @return an ordered map
     */
    Map<String, Object> toJson();
}
