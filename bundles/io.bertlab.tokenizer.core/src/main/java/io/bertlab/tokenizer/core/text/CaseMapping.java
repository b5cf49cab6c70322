package io.bertlab.tokenizer.core.text;

/**
 * Character-by-character case and decomposition mappings as Rust's {@code char} methods perform them (no
 * context-dependent rules such as final sigma), with caches for the Basic Multilingual Plane.
 */
public final class CaseMapping {

    private static final int[] NO_CHANGE = new int[0];
    private static final int[][] NFD_CACHE = new int[0x10000][];

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
        } else {
            sink.accept(Character.toLowerCase(c));
        }
    }

    /**
     * The canonical decomposition (NFD) of one code point.
     *
     * @param c the code point
     * @return its decomposition, or an empty array when it decomposes to itself
     */
    public static int[] decompose(int c) {
        if (c < 0xC0) {
            return NO_CHANGE;
        }
        if (c < 0x10000) {
            int[] cached = NFD_CACHE[c];
            if (cached == null) {
                cached = computeDecomposition(c);
                NFD_CACHE[c] = cached;
            }
            return cached;
        }
        return computeDecomposition(c);
    }

    private static int[] computeDecomposition(int c) {
        String s = new String(Character.toChars(c));
        String d = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
        return d.equals(s) ? NO_CHANGE : d.codePoints().toArray();
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
