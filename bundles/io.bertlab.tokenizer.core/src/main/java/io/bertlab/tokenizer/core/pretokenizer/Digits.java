package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.UnicodeClasses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Separates numbers from the rest: each digit on its own, or runs of digits together. */
public final class Digits implements PreTokenizer {

    private final boolean individualDigits;

    /**
     * A digits splitter.
     *
     * @param individualDigits one word per digit instead of per run
     */
    public Digits(boolean individualDigits) {
        this.individualDigits = individualDigits;
    }

    @Override
    public void split(NormalizedText piece, List<NormalizedText> out) {
        CharSplitter.split(piece, UnicodeClasses::isNumeric,
                individualDigits ? SplitBehavior.ISOLATED : SplitBehavior.CONTIGUOUS, out);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Digits");
        json.put("individual_digits", individualDigits);
        return json;
    }
}
