package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.LinkedHashMap;
import java.util.Map;

/** Puts a string before non-empty text; the added code points align with the first original code point. */
public final class Prepend implements Normalizer {

    private final String prepend;
    private final int[] codePoints;

    /**
     * A prepend normalizer.
     *
     * @param prepend the text to put first
     */
    public Prepend(String prepend) {
        this.prepend = prepend;
        this.codePoints = prepend.codePoints().toArray();
    }

    @Override
    public NormalizedText normalize(NormalizedText text) {
        return prepend(text, codePoints);
    }

    /**
     * Puts code points before non-empty text, aligned with its first code point (HuggingFace's
     * {@code NormalizedString::prepend}).
     *
     * @param text the text
     * @param prefix the code points to put first
     * @return the new text, or {@code text} when empty
     */
    public static NormalizedText prepend(NormalizedText text, int[] prefix) {
        if (text.isEmpty()) {
            return text;
        }
        NormalizedText.Builder builder = NormalizedText.builder(text.length() + prefix.length);
        for (int c : prefix) {
            builder.append(c, text.originalStart(0), text.originalEnd(0));
        }
        for (int i = 0; i < text.length(); i++) {
            builder.copy(text, i);
        }
        return builder.build();
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Prepend");
        json.put("prepend", prepend);
        return json;
    }
}
