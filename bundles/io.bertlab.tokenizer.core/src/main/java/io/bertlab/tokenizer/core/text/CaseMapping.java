package io.bertlab.tokenizer.core.text;

/**
 * Character-by-character case mappings as Rust's {@code char} methods perform them (no context-dependent rules such
 * as final sigma; Rust's Unicode 16 where Java 17's Unicode 13 lacks a mapping).
 */
public final class CaseMapping {

    /**
     * Lower-case mappings of Unicode 14 to 16, which Rust's {@code char::to_lowercase} (Unicode 16) applies and
     * Java 17 (Unicode 13) does not know: {@code {first, last, offset}}, or {@code {c, c, -mapping}} for a mapping
     * outside any pattern (negative to tell it apart).
     */
    private static final int[][] NEWER_LOWERCASE = {
        {0x1C89, 0x1C89, 1}, {0x2C2F, 0x2C2F, 0x30}, {0xA7C0, 0xA7C0, 1}, {0xA7CB, 0xA7CB, -0x264},
        {0xA7CC, 0xA7CC, 1}, {0xA7D0, 0xA7D0, 1}, {0xA7D6, 0xA7D6, 1}, {0xA7D8, 0xA7D8, 1}, {0xA7DA, 0xA7DA, 1},
        {0xA7DC, 0xA7DC, -0x19B}, {0x10570, 0x1057A, 0x27}, {0x1057C, 0x1058A, 0x27}, {0x1058C, 0x10592, 0x27},
        {0x10594, 0x10595, 0x27}, {0x10D50, 0x10D65, 0x20},
    };

    private CaseMapping() {
    }

    /**
     * Appends the lower-case form of a code point (Rust {@code char::to_lowercase}).
     *
     * @param c the code point
     * @param sink receives each resulting code point
     */
    public static void lowercase(int c, IntSink sink) {
        if (c == 0x130) {
            // The one unconditional multi-character lower-case mapping of Unicode's SpecialCasing.
            sink.accept('i');
            sink.accept(0x307);
        } else if (c >= NEWER_LOWERCASE[0][0]) {
            sink.accept(newerLowercase(c));
        } else {
            sink.accept(Character.toLowerCase(c));
        }
    }

    private static int newerLowercase(int c) {
        for (int[] range : NEWER_LOWERCASE) {
            if (c >= range[0] && c <= range[1]) {
                return range[2] < 0 ? -range[2] : c + range[2];
            }
        }
        return Character.toLowerCase(c);
    }

    /** Receives code points. */
    @FunctionalInterface
    public interface IntSink {
        /**
         * Accepts one code point.
         *
         * @param codePoint the code point
         */
        void accept(int codePoint);
    }
}
