package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.TextPattern;

/**
 * What the regex {@code \w+|[^\w\s]+} matches (Unicode classes, as {@link TextPattern#regex} compiles it), found by
 * a scan over code points instead of a regex engine: several times faster, and fast from the first call, which
 * matters for trainers that count words in a fresh JVM. The character classes are Java's Unicode ones, so the runs
 * equal the regex's matches exactly.
 */
final class WordRuns {

    private static final byte SPACE = 0;
    private static final byte WORD = 1;
    private static final byte OTHER = 2;
    private static final byte[] BMP_KINDS = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            BMP_KINDS[c] = classify(c);
        }
    }

    private WordRuns() {
    }

    /**
     * Finds the runs of word characters and the runs of other non-space characters, left to right.
     *
     * @param codePoints the text
     * @param from where it starts
     * @param length how many code points
     * @param sink receives each run, relative to {@code from}
     */
    static void find(int[] codePoints, int from, int length, TextPattern.MatchSink sink) {
        int i = 0;
        while (i < length) {
            byte kind = kind(codePoints[from + i]);
            if (kind == SPACE) {
                i++;
                continue;
            }
            int start = i;
            do {
                i++;
            } while (i < length && kind(codePoints[from + i]) == kind);
            sink.match(start, i);
        }
    }

    static boolean isWordCharacter(int c) {
        return kind(c) == WORD;
    }

    static boolean isSpace(int c) {
        return kind(c) == SPACE;
    }

    private static byte kind(int c) {
        return c <= Character.MAX_VALUE ? BMP_KINDS[c] : classify(c);
    }

    /** {@code \w} and {@code \s} as java.util.regex defines them with UNICODE_CHARACTER_CLASS (UTS #18). */
    private static byte classify(int c) {
        int type = Character.getType(c);
        if (type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || (c >= 0x9 && c <= 0xD) || c == 0x85) {
            return SPACE;
        }
        if (Character.isAlphabetic(c) || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.CONNECTOR_PUNCTUATION || c == 0x200C || c == 0x200D) {
            return WORD;
        }
        return OTHER;
    }
}
