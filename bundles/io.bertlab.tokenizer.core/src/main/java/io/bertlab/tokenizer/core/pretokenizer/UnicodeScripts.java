package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits where the script changes, as HuggingFace's {@code UnicodeScripts} (from SentencePiece's
 * {@code IsValidSentencePiece}) does. Characters of no script (the space, unassigned ones; see
 * {@link SentencePieceScripts}) never start a word and stay with the word before them; a change is measured
 * against the last character that had a script. Common and Inherited are scripts like any other here: digits and
 * punctuation split from letters. Characters of no script before the first one with a script are dropped, as
 * HuggingFace drops them.
 */
public final class UnicodeScripts implements PreTokenizer {

    @Override
    public void split(NormalizedText piece, List<NormalizedText> out) {
        int wordStart = -1;
        int lastScript = SentencePieceScripts.ANY;
        for (int i = 0, n = piece.length(); i < n; i++) {
            int script = SentencePieceScripts.of(piece.codePointAt(i));
            if (script == SentencePieceScripts.ANY) {
                continue;
            }
            if (script != lastScript) {
                if (wordStart >= 0) {
                    out.add(piece.slice(wordStart, i));
                }
                wordStart = i;
            }
            lastScript = script;
        }
        if (wordStart >= 0) {
            out.add(piece.slice(wordStart, piece.length()));
        }
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "UnicodeScripts");
        return json;
    }
}
