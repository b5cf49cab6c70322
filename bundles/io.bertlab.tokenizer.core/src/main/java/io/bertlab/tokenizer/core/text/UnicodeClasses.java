package io.bertlab.tokenizer.core.text;

/**
 * The character classes HuggingFace {@code tokenizers} uses, with Rust's definitions (which differ from Java's
 * {@link Character#isWhitespace(int)}: Rust follows the Unicode {@code White_Space} property).
 */
public final class UnicodeClasses {

    private static final CodePointRanges COMBINING_MARKS = CodePointRanges.load("combining-marks-unicode-9.txt");
    private static final CodePointRanges NON_SPACING_MARKS = CodePointRanges.load("nonspacing-marks-unicode-8.txt");
    private static final CodePointRanges OTHER = CodePointRanges.load("other-unicode-8.txt");
    private static final CodePointRanges PUNCTUATION = CodePointRanges.load("punctuation-unicode-8.txt");

    private UnicodeClasses() {
    }

    /**
     * Rust's {@code char::is_whitespace}: the Unicode {@code White_Space} property.
     *
     * @param c a code point
     * @return true for white space
     */
    public static boolean isWhitespace(int c) {
        if (c < 0x80) {
            return c == ' ' || (c >= 0x09 && c <= 0x0D);
        }
        return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028
                || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
    }

    /**
     * HuggingFace's BERT control characters, what {@code clean_text} drops: categories Cc, Cf and Co as of Unicode
     * 8.0 (the {@code unicode_categories} crate's {@code is_other}), except tab, newline and carriage return. Not
     * Cn: that crate has no table of unassigned code points, so HuggingFace keeps them (and the word they are in
     * becomes unknown); not the characters assigned since Unicode 8.0 either.
     *
     * @param c a code point
     * @return true for a control character
     */
    public static boolean isBertControl(int c) {
        return c != '\t' && c != '\n' && c != '\r' && OTHER.contains(c);
    }

    /**
     * BERT's punctuation: ASCII punctuation or a Unicode punctuation category (Pc, Pd, Ps, Pe, Pi, Pf, Po).
     *
     * @param c a code point
     * @return true for punctuation
     */
    public static boolean isBertPunctuation(int c) {
        if (c < 0x80) {
            return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
        }
        return isUnicodePunctuation(c);
    }

    /**
     * A Unicode punctuation category (Pc, Pd, Ps, Pe, Pi, Pf, Po) as of Unicode 8.0, the version of the
     * {@code unicode_categories} crate's tables that HuggingFace uses.
     *
     * @param c a code point
     * @return true for punctuation
     */
    public static boolean isUnicodePunctuation(int c) {
        return PUNCTUATION.contains(c);
    }

    /**
     * The CJK ideograph blocks that BERT surrounds with spaces, as HuggingFace lists them (its fifth range starts
     * at U+2B920, not at U+2B820 where CJK Extension E starts: U+2B820..U+2B91F are not spaced).
     *
     * @param c a code point
     * @return true for a CJK ideograph
     */
    public static boolean isChineseChar(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }

    /**
     * Category Mn (non-spacing mark) as of Unicode 8.0 (the {@code unicode_categories} crate's table), what
     * BertNormalizer's accent stripping removes.
     *
     * @param c a code point
     * @return true for a non-spacing mark
     */
    public static boolean isNonSpacingMark(int c) {
        return c >= 0x300 && NON_SPACING_MARKS.contains(c);
    }

    /**
     * HuggingFace's {@code is_combining_mark}: general category Mark (Mn, Mc, Me) as of Unicode 9.0, the version
     * of its table (Java 17 knows the marks of Unicode 13, which StripAccents must keep). What the StripAccents
     * normalizer removes, and what the segments of NFC and NFKC attach to the character before them.
     *
     * @param c a code point
     * @return true for a combining mark
     */
    public static boolean isCombiningMark(int c) {
        return c >= 0x300 && COMBINING_MARKS.contains(c);
    }

    /**
     * Rust's {@code char::is_alphanumeric}: alphabetic or numeric.
     *
     * @param c a code point
     * @return true for a letter or digit
     */
    public static boolean isAlphanumeric(int c) {
        return Character.isAlphabetic(c) || isNumeric(c);
    }

    /**
     * Rust's {@code char::is_numeric}: categories Nd, Nl, No.
     *
     * @param c a code point
     * @return true for a number
     */
    public static boolean isNumeric(int c) {
        int type = Character.getType(c);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }
}
