package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.UnicodeClasses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Splits on white space, which is dropped. */
public final class WhitespaceSplit implements PreTokenizer {

    @Override
    public void split(NormalizedText piece, List<NormalizedText> out) {
        CharSplitter.split(piece, UnicodeClasses::isWhitespace, SplitBehavior.REMOVED, out);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "WhitespaceSplit");
        return json;
    }
}
