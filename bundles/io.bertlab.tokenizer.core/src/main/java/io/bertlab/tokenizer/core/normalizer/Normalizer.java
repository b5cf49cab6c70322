package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.Map;

/** The first pipeline stage: rewrites text (case, accents, Unicode forms, ...) keeping the alignment to the input. */
public interface Normalizer {

    /**
     * Normalizes.
     *
     * @param text the text so far
     * @return the normalized text (may be {@code text} itself when nothing changes)
     */
    NormalizedText normalize(NormalizedText text);

    /**
     * This normalizer as a {@code tokenizer.json} object, {@code type} first.
     *
     * @return an ordered map of JSON values
     */
    Map<String, Object> toJson();
}
