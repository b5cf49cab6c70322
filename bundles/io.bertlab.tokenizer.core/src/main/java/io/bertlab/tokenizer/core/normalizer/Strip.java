package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.UnicodeClasses;
import java.util.LinkedHashMap;
import java.util.Map;

/** Removes white space at the left and/or right end. */
public final class Strip implements Normalizer {

    private final boolean left;
    private final boolean right;

    /**
     * A strip normalizer.
     *
     * @param left strip the start
     * @param right strip the end
     */
    public Strip(boolean left, boolean right) {
        this.left = left;
        this.right = right;
    }

    @Override
    public NormalizedText normalize(NormalizedText text) {
        int from = 0;
        int to = text.length();
        while (left && from < to && UnicodeClasses.isWhitespace(text.codePointAt(from))) {
            from++;
        }
        while (right && to > from && UnicodeClasses.isWhitespace(text.codePointAt(to - 1))) {
            to--;
        }
        return text.slice(from, to);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Strip");
        json.put("strip_left", left);
        json.put("strip_right", right);
        return json;
    }
}
