package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.UnicodeClasses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BERT's pre-tokenizer: splits on white space (dropped) and isolates each punctuation character. Done in one
 * pass, equivalent to HuggingFace's two splits.
 */
public final class BertPreTokenizer implements PreTokenizer {

    @Override
    public void split(NormalizedText piece, List<NormalizedText> out) {
        int n = piece.length();
        int wordStart = -1;
        for (int i = 0; i < n; i++) {
            int c = piece.codePointAt(i);
            boolean space = UnicodeClasses.isWhitespace(c);
            boolean punctuation = !space && UnicodeClasses.isBertPunctuation(c);
            if (space || punctuation) {
                if (wordStart >= 0) {
                    out.add(piece.slice(wordStart, i));
                    wordStart = -1;
                }
                if (punctuation) {
                    out.add(piece.slice(i, i + 1));
                }
            } else if (wordStart < 0) {
                wordStart = i;
            }
        }
        if (wordStart >= 0) {
            out.add(piece.slice(wordStart, n));
        }
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "BertPreTokenizer");
        return json;
    }
}
