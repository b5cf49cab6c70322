package io.bertlab.tokenizer.core.text;

/**
 * Text on its way through the pipeline: code points plus, for each, the span {@code [start, end)} of the original
 * input (in code points) it came from. This is HuggingFace's {@code NormalizedString} alignment, kept per code
 * point instead of per byte, which gives the same offsets because original spans always cover whole characters.
 *
 * <p>A value is an immutable view on shared arrays; {@link #slice(int, int)} is cheap.
 */
public final class NormalizedText {

    private final int[] codePoints;
    private final int[] starts;
    private final int[] ends;
    private final int offset;
    private final int length;

    private NormalizedText(int[] codePoints, int[] starts, int[] ends, int offset, int length) {
        this.codePoints = codePoints;
        this.starts = starts;
        this.ends = ends;
        this.offset = offset;
        this.length = length;
    }

    /**
     * The text of an input, aligned to itself. Unpaired surrogates become U+FFFD (one code point), as they would
     * in any valid UTF-8 rendering of the text.
     *
     * @param text the input
     * @return the aligned text
     */
    public static NormalizedText of(String text) {
        int n = text.codePointCount(0, text.length());
        int[] cps = new int[n];
        int[] s = new int[n];
        int[] e = new int[n];
        if (n == text.length()) {
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                cps[i] = Character.isSurrogate(c) ? 0xFFFD : c;
                s[i] = i;
                e[i] = i + 1;
            }
        } else {
            for (int i = 0, j = 0; i < n; i++) {
                int cp = text.codePointAt(j);
                j += Character.charCount(cp);
                cps[i] = cp < 0x10000 && Character.isSurrogate((char) cp) ? 0xFFFD : cp;
                s[i] = i;
                e[i] = i + 1;
            }
        }
        return new NormalizedText(cps, s, e, 0, n);
    }

    /**
     * The number of code points.
     *
     * @return the length
     */
    public int length() {
        return length;
    }

    /**
     * Whether there is no code point.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return length == 0;
    }

    /**
     * A code point.
     *
     * @param index 0-based index in this view
     * @return the code point
     */
    public int codePointAt(int index) {
        return codePoints[offset + index];
    }

    /**
     * Start of the original span a code point came from.
     *
     * @param index 0-based index in this view
     * @return the original start, in code points of the input
     */
    public int originalStart(int index) {
        return starts[offset + index];
    }

    /**
     * End (exclusive) of the original span a code point came from.
     *
     * @param index 0-based index in this view
     * @return the original end
     */
    public int originalEnd(int index) {
        return ends[offset + index];
    }

    /**
     * The backing code point array (shared, never modify); valid from {@link #arrayOffset()} for {@link #length()}.
     *
     * @return the array
     */
    public int[] array() {
        return codePoints;
    }

    /**
     * Where this view starts in {@link #array()}.
     *
     * @return the offset
     */
    public int arrayOffset() {
        return offset;
    }

    /**
     * A part of this text sharing its arrays.
     *
     * @param from start index, inclusive
     * @param to end index, exclusive
     * @return the part
     */
    public NormalizedText slice(int from, int to) {
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException(from + ".." + to + " of " + length);
        }
        return from == 0 && to == length ? this : new NormalizedText(codePoints, starts, ends, offset + from, to - from);
    }

    /**
     * Whether the text starts with a code point sequence.
     *
     * @param prefix the code points
     * @return true when it does
     */
    public boolean startsWith(int[] prefix) {
        if (prefix.length > length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (codePoints[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A builder of a new text, for transformations.
     *
     * @param capacity expected length
     * @return the builder
     */
    public static Builder builder(int capacity) {
        return new Builder(capacity);
    }

    @Override
    public String toString() {
        return new String(codePoints, offset, length);
    }

    /** Appends code points with their original spans; growing arrays, no per-character objects. */
    public static final class Builder {
        private int[] cps;
        private int[] s;
        private int[] e;
        private int n;

        private Builder(int capacity) {
            int c = Math.max(capacity, 4);
            cps = new int[c];
            s = new int[c];
            e = new int[c];
        }

        /**
         * Appends one code point.
         *
         * @param codePoint the code point
         * @param originalStart start of its original span
         * @param originalEnd end of its original span
         * @return this builder
         */
        public Builder append(int codePoint, int originalStart, int originalEnd) {
            if (n == cps.length) {
                int c = n * 2;
                cps = java.util.Arrays.copyOf(cps, c);
                s = java.util.Arrays.copyOf(s, c);
                e = java.util.Arrays.copyOf(e, c);
            }
            cps[n] = codePoint;
            s[n] = originalStart;
            e[n] = originalEnd;
            n++;
            return this;
        }

        /**
         * Appends one code point of another text, keeping its alignment.
         *
         * @param text the source text
         * @param index the index in it
         * @return this builder
         */
        public Builder copy(NormalizedText text, int index) {
            return append(text.codePointAt(index), text.originalStart(index), text.originalEnd(index));
        }

        /**
         * Appends a code point with the original span of a code point of another text.
         *
         * @param codePoint the code point to append
         * @param text the text whose alignment it takes
         * @param index the index in that text
         * @return this builder
         */
        public Builder copyAlignment(int codePoint, NormalizedText text, int index) {
            return append(codePoint, text.originalStart(index), text.originalEnd(index));
        }

        /**
         * The number of code points so far.
         *
         * @return the length
         */
        public int length() {
            return n;
        }

        /**
         * The built text.
         *
         * @return a new text
         */
        public NormalizedText build() {
            return new NormalizedText(cps, s, e, 0, n);
        }
    }
}
