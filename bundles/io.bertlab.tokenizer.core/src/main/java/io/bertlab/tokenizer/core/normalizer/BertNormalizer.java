package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.text.CaseMapping;
import io.bertlab.tokenizer.core.text.Decompositions;
import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.UnicodeClasses;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BERT's normalizer, in HuggingFace's order: clean text (drop NUL, U+FFFD and controls; white space becomes a
 * space), put spaces around CJK ideographs, strip accents (NFD, then drop non-spacing marks), lower-case. One pass
 * per code point, except where NFD's canonical ordering would move a mark that stays (see {@link #normalize}).
 */
public final class BertNormalizer extends CodePointNormalizer {

    private final boolean cleanText;
    private final boolean handleChineseChars;
    private final Boolean stripAccentsSetting;
    private final boolean stripAccents;
    private final boolean lowercase;
    /** For the passes one by one: clean text and CJK spacing; NFD; accent filter and lower-casing. */
    private final BertNormalizer cleaningPass;
    private final Decomposition canonicalDecomposition;
    private final BertNormalizer accentPass;

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
        boolean strip = this.stripAccents;
        this.cleaningPass = strip ? new BertNormalizer(cleanText, handleChineseChars, false, false, false) : null;
        this.canonicalDecomposition = strip ? new Decomposition(false) : null;
        this.accentPass = strip ? new BertNormalizer(false, false, true, lowercase, false) : null;
    }

    private BertNormalizer(boolean cleanText, boolean handleChineseChars, boolean stripAccents, boolean lowercase,
            boolean unused) {
        this.cleanText = cleanText;
        this.handleChineseChars = handleChineseChars;
        this.stripAccentsSetting = stripAccents;
        this.stripAccents = stripAccents;
        this.lowercase = lowercase;
        this.cleaningPass = null;
        this.canonicalDecomposition = null;
        this.accentPass = null;
    }

    /**
     * Normalizes a text. HuggingFace strips accents as NFD of the whole text and then a filter; NFD puts runs of
     * marks in canonical order, and a character keeps the alignment of the position it lands on. That shows only
     * when a mark HuggingFace keeps (a spacing or enclosing mark, or one newer than its Unicode 8.0 table of
     * non-spacing marks) stands among others: such a text goes through HuggingFace's passes one by one.
     *
     * @param text the text
     * @return the normalized text
     */
    @Override
    public NormalizedText normalize(NormalizedText text) {
        if (cleaningPass != null && hasMarkKeptByAccentStripping(text)) {
            return accentPass.mapEachCodePoint(canonicalDecomposition.apply(cleaningPass.mapEachCodePoint(text)));
        }
        return mapEachCodePoint(text);
    }

    private NormalizedText mapEachCodePoint(NormalizedText text) {
        return super.normalize(text);
    }

    private static boolean hasMarkKeptByAccentStripping(NormalizedText text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            int c = text.codePointAt(i);
            if (c >= 0x300 && UnicodeClasses.isCombiningMark(c) && !UnicodeClasses.isNonSpacingMark(c)) {
                return true;
            }
        }
        return false;
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
            // HuggingFace spaces the ideograph first and strips accents after: a compatibility ideograph
            // (U+F900.., U+2F800..) still decomposes to its unified one.
            out.emit(' ');
            emitWithoutAccents(c, out);
            out.emit(' ');
            return;
        }
        emitWithoutAccents(c, out);
    }

    private void emitWithoutAccents(int c, Output out) {
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
