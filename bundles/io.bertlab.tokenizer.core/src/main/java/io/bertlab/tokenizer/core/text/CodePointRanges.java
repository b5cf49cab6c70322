package io.bertlab.tokenizer.core.text;

import java.util.Arrays;
import java.util.List;

/** A set of code points from a {@link UnicodeDataFile} of ranges: {@code FIRST LAST} (hex) a line, ascending. */
final class CodePointRanges {

    private final int[] firsts;
    private final int[] lasts;

    private CodePointRanges(int[] firsts, int[] lasts) {
        this.firsts = firsts;
        this.lasts = lasts;
    }

    /**
     * Reads a resource beside this class.
     *
     * @param resource the file name
     * @return the set
     * @throws IllegalStateException when the resource is missing or its ranges are out of order
     */
    static CodePointRanges load(String resource) {
        List<String[]> lines = UnicodeDataFile.read(CodePointRanges.class, resource);
        int[] firsts = new int[lines.size()];
        int[] lasts = new int[lines.size()];
        for (int i = 0; i < firsts.length; i++) {
            firsts[i] = Integer.parseInt(lines.get(i)[0], 16);
            lasts[i] = Integer.parseInt(lines.get(i)[1], 16);
            if (lasts[i] < firsts[i] || (i > 0 && firsts[i] <= lasts[i - 1])) {
                throw new IllegalStateException(resource + ": ranges out of order at " + String.join(" ", lines.get(i)));
            }
        }
        return new CodePointRanges(firsts, lasts);
    }

    /**
     * Whether a code point is in one of the ranges.
     *
     * @param c a code point
     * @return true when it is
     */
    boolean contains(int c) {
        int range = Arrays.binarySearch(firsts, c);
        if (range >= 0) {
            return true;
        }
        range = -range - 2;
        return range >= 0 && c <= lasts[range];
    }
}
