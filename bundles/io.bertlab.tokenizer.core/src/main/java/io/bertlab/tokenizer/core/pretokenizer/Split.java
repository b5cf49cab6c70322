package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.TextPattern;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits on a string or regex pattern with any {@link SplitBehavior}; {@code invert} makes matches the words. */
public final class Split implements PreTokenizer {

    private final TextPattern pattern;
    private final SplitBehavior behavior;
    private final boolean invert;

    /**
     * A pattern splitter.
     *
     * @param pattern the delimiter pattern
     * @param behavior what to do with delimiters
     * @param invert whether matches are the words instead
     */
    public Split(TextPattern pattern, SplitBehavior behavior, boolean invert) {
        this.pattern = pattern;
        this.behavior = behavior;
        this.invert = invert;
    }

    @Override
    public void split(NormalizedText piece, List<NormalizedText> out) {
        CharSplitter.split(piece, pattern::find, invert, behavior, out);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Split");
        json.put("pattern", pattern.toJson());
        json.put("behavior", behavior.jsonName());
        json.put("invert", invert);
        return json;
    }
}
