package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.TextPattern;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replaces every match of a pattern; the replacement aligns with the last character of the match, as in
 * HuggingFace.
 */
public final class Replace implements Normalizer {

    private final TextPattern pattern;
    private final String content;
    private final int[] contentCodePoints;

    /**
     * A replace normalizer.
     *
     * @param pattern what to find
     * @param content what to put instead
     */
    public Replace(TextPattern pattern, String content) {
        this.pattern = pattern;
        this.content = content;
        this.contentCodePoints = content.codePoints().toArray();
    }

    @Override
    public NormalizedText normalize(NormalizedText text) {
        NormalizedText.Builder builder = NormalizedText.builder(text.length() + 8);
        int[] next = {0};
        pattern.find(text.array(), text.arrayOffset(), text.length(), (start, end) -> {
            for (int i = next[0]; i < start; i++) {
                builder.copy(text, i);
            }
            // HuggingFace inserts the content after removing the match: it aligns with the match's last character
            // (or, for an empty match, the one before it)
            int source = end > start ? end - 1 : start - 1;
            int originalStart = source >= 0 ? text.originalStart(source) : text.isEmpty() ? 0 : text.originalStart(0);
            int originalEnd = source >= 0 ? text.originalEnd(source) : originalStart;
            for (int c : contentCodePoints) {
                builder.append(c, originalStart, originalEnd);
            }
            next[0] = end;
        });
        if (next[0] == 0 && builder.length() == 0) {
            return text;
        }
        for (int i = next[0]; i < text.length(); i++) {
            builder.copy(text, i);
        }
        return builder.build();
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Replace");
        json.put("pattern", pattern.toJson());
        json.put("content", content);
        return json;
    }
}
