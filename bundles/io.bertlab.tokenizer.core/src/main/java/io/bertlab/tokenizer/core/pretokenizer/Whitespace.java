package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.UnicodeClasses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Words are runs of word characters or runs of other non-space characters (regex {@code \\w+|[^\\w\\s]+}). */
public final class Whitespace implements PreTokenizer {

    private static final io.bertlab.tokenizer.core.text.TextPattern WORDS =
            io.bertlab.tokenizer.core.text.TextPattern.regex("\\w+|[^\\w\\s]+");

    @Override
    public void split(NormalizedText piece, List<NormalizedText> out) {
        CharSplitter.split(piece, WORDS, true, SplitBehavior.REMOVED, out);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Whitespace");
        return json;
    }
}
