package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.text.CaseMapping;
import io.bertlab.tokenizer.core.text.Decompositions;
import io.bertlab.tokenizer.core.text.UnicodeClasses;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BERT's normalizer, in HuggingFace's order: clean text (drop NUL, U+FFFD and controls; white space becomes a
 * space), put spaces around CJK ideographs, strip accents (NFD, then drop non-spacing marks), lower-case.
 */
public final class BertNormalizer extends CodePointNormalizer {

    private final boolean cleanText;
    private final boolean handleChineseChars;
    private final Boolean stripAccentsSetting;
    private final boolean stripAccents;
    private final boolean lowercase;

    /**
     * A BERT normalizer.
     *
     * @param cleanText drop controls, map white space to spaces
     * @param handleChineseChars surround CJK ideographs with spaces
     * @param stripAccents strip accents; null follows {@code lowercase}
     * @param lowercase lower-case
     */
    public BertNormalizer(boolean cleanText, boolean handleChineseChars, Boolean stripAccents, boolean lowercase) {
        this.cleanText = cleanText;
        this.handleChineseChars = handleChineseChars;
        this.stripAccentsSetting = stripAccents;
        this.stripAccents = stripAccents == null ? lowercase : stripAccents;
        this.lowercase = lowercase;
    }

    @Override
    void map(int c, Output out) {
        if (c < 0x80 && c >= 0x20 && c != 0x7F) {
            // Printable ASCII: no control, no CJK, no accent; only case may change.
            out.emit(lowercase && c >= 'A' && c <= 'Z' ? c + 32 : c);
            return;
        }
        if (cleanText) {
            if (c == 0 || c == 0xFFFD || UnicodeClasses.isBertControl(c)) {
                return;
            }
            if (UnicodeClasses.isWhitespace(c)) {
                c = ' ';
            }
        }
        if (handleChineseChars && UnicodeClasses.isChineseChar(c)) {
            out.emit(' ');
            emitCased(c, out);
            out.emit(' ');
            return;
        }
        if (stripAccents) {
            int[] decomposed = Decompositions.canonical(c);
            if (decomposed.length > 0) {
                for (int d : decomposed) {
                    if (!UnicodeClasses.isNonSpacingMark(d)) {
                        emitCased(d, out);
                    }
                }
                return;
            }
            if (UnicodeClasses.isNonSpacingMark(c)) {
                return;
            }
        }
        emitCased(c, out);
    }

    private void emitCased(int c, Output out) {
        if (!lowercase) {
            out.emit(c);
        } else if (c < 0x80) {
            out.emit(c >= 'A' && c <= 'Z' ? c + 32 : c);
        } else {
            CaseMapping.lowercase(c, out::emit);
        }
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "BertNormalizer");
        json.put("clean_text", cleanText);
        json.put("handle_chinese_chars", handleChineseChars);
        json.put("strip_accents", stripAccentsSetting);
        json.put("lowercase", lowercase);
        return json;
    }
}
