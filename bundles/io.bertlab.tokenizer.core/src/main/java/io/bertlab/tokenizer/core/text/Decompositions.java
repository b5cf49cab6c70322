package io.bertlab.tokenizer.core.text;

/**
 * Per-character Unicode decompositions as HuggingFace's normalization tables ({@code unicode-normalization-
 * alignments}, Unicode 9.0) give them: Java's own, except for characters those tables do not know, which decompose
 * to themselves and count as starters there. Cached for the Basic Multilingual Plane.
 */
public final class Decompositions {

    private static final int[] NO_CHANGE = new int[0];
    private static final int[][] NFD_CACHE = new int[0x10000][];
    private static final int[][] NFKD_CACHE = new int[0x10000][];
    /** Below these, every code point decomposes to itself (canonically, and with compatibility mappings). */
    private static final int FIRST_NFD_CHANGE = 0xC0;
    private static final int FIRST_NFKD_CHANGE = 0xA0;
    private static final CodePointRanges UNKNOWN_TO_HUGGINGFACE =
            CodePointRanges.load("normalization-after-unicode-9.txt");

    private Decompositions() {
    }

    /**
     * The canonical decomposition (NFD) of one code point.
     *
     * @param c the code point
     * @return its decomposition, or an empty array when it decomposes to itself
     */
    public static int[] canonical(int c) {
        return c < FIRST_NFD_CHANGE ? NO_CHANGE : cached(c, NFD_CACHE, java.text.Normalizer.Form.NFD);
    }

    /**
     * The compatibility decomposition (NFKD) of one code point.
     *
     * @param c the code point
     * @return its decomposition, or an empty array when it decomposes to itself
     */
    public static int[] compatible(int c) {
        return c < FIRST_NFKD_CHANGE ? NO_CHANGE : cached(c, NFKD_CACHE, java.text.Normalizer.Form.NFKD);
    }

    /**
     * Whether HuggingFace's tables lack a character that has a decomposition or a combining class in Java's: it
     * stays as it is and, as a starter, bounds canonical reordering.
     *
     * @param c a code point
     * @return true for such a character
     */
    public static boolean isUnknownToHuggingFace(int c) {
        return c >= FIRST_NFKD_CHANGE && UNKNOWN_TO_HUGGINGFACE.contains(c);
    }

    private static int[] cached(int c, int[][] cache, java.text.Normalizer.Form form) {
        if (c >= 0x10000) {
            return compute(c, form);
        }
        int[] decomposition = cache[c];
        if (decomposition == null) {
            decomposition = compute(c, form);
            cache[c] = decomposition;
        }
        return decomposition;
    }

    private static int[] compute(int c, java.text.Normalizer.Form form) {
        if (isUnknownToHuggingFace(c)) {
            return NO_CHANGE;
        }
        String s = new String(Character.toChars(c));
        String d = java.text.Normalizer.normalize(s, form);
        return d.equals(s) ? NO_CHANGE : d.codePoints().toArray();
    }
}
