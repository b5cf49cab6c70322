package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.UnicodeClasses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits at punctuation characters (ASCII or Unicode P*), with a configurable behaviour. */
public final class Punctuation implements PreTokenizer {

    private final SplitBehavior behavior;

    /**
     * A punctuation splitter.
     *
     * @param behavior what to do with punctuation (HuggingFace's default: isolated)
     */
    public Punctuation(SplitBehavior behavior) {
        this.behavior = behavior;
    }

    @Override
    public void split(NormalizedText piece, List<NormalizedText> out) {
        CharSplitter.split(piece, UnicodeClasses::isBertPunctuation, behavior, out);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Punctuation");
        json.put("behavior", behavior.jsonName());
        return json;
    }
}
