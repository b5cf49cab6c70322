package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits on one delimiter character, which is dropped. */
public final class CharDelimiterSplit implements PreTokenizer {

    private final int delimiter;

    /**
     * A delimiter splitter.
     *
     * @param delimiter the delimiter code point
     */
    public CharDelimiterSplit(int delimiter) {
        this.delimiter = delimiter;
    }

    @Override
    public void split(NormalizedText piece, List<NormalizedText> out) {
        CharSplitter.split(piece, c -> c == delimiter, SplitBehavior.REMOVED, out);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "CharDelimiterSplit");
        json.put("delimiter", new String(Character.toChars(delimiter)));
        return json;
    }
}
