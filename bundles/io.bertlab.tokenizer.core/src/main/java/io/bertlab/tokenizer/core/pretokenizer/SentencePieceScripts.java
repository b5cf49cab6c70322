package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.UnicodeDataFile;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The script of a code point as SentencePiece and HuggingFace's {@code UnicodeScripts} see it: a table of Unicode
 * 9.0 (not Java's Unicode 13, which knows scripts and characters HuggingFace's table does not: those are "Any"
 * there), with SentencePiece's fixes: Hiragana, Katakana and {@code ー} (U+30FC) count as Han, and the space as
 * Any. Scripts are small integers, equal when the scripts are.
 */
public final class SentencePieceScripts {

    /** No script: joins whatever is around it. */
    public static final int ANY = 0;

    private static final String TABLE = "unicode-9-scripts.txt";
    private static final int PROLONGED_SOUND_MARK = 0x30FC;

    private static final int[] RANGE_STARTS;
    private static final int[] RANGE_SCRIPTS;
    private static final int HAN;

    static {
        Map<String, Integer> ids = new HashMap<>();
        ids.put("Any", ANY);
        List<String[]> lines = UnicodeDataFile.read(SentencePieceScripts.class, TABLE);
        RANGE_STARTS = new int[lines.size()];
        RANGE_SCRIPTS = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            RANGE_STARTS[i] = Integer.parseInt(lines.get(i)[0], 16);
            RANGE_SCRIPTS[i] = ids.computeIfAbsent(lines.get(i)[1], name -> ids.size());
        }
        HAN = ids.get("Han");
        int hiragana = ids.get("Hiragana");
        int katakana = ids.get("Katakana");
        for (int i = 0; i < RANGE_SCRIPTS.length; i++) {
            if (RANGE_SCRIPTS[i] == hiragana || RANGE_SCRIPTS[i] == katakana) {
                RANGE_SCRIPTS[i] = HAN;
            }
        }
    }

    private SentencePieceScripts() {
    }

    /**
     * The script of a code point, with SentencePiece's fixes.
     *
     * @param c a code point
     * @return its script id; {@link #ANY} for the space and for code points without a script
     */
    public static int of(int c) {
        if (c == ' ') {
            return ANY;
        }
        if (c == PROLONGED_SOUND_MARK) {
            return HAN;
        }
        int at = Arrays.binarySearch(RANGE_STARTS, c);
        return RANGE_SCRIPTS[at >= 0 ? at : -at - 2];
    }
}
