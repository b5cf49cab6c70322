package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Words are runs of word characters or runs of other non-space characters (regex {@code \\w+|[^\\w\\s]+}, found
 * by {@link WordRuns} without a regex engine).
 */
public final class Whitespace implements PreTokenizer {

    @Override
    public void split(NormalizedText piece, List<NormalizedText> out) {
        CharSplitter.split(piece, WordRuns::find, true, SplitBehavior.REMOVED, out);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Whitespace");
        return json;
    }
}
