package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.text.Decompositions;
import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.TextTransform;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * NFD or NFKD with HuggingFace's alignments ({@code unicode-normalization-alignments}): each character is replaced
 * by the first code point of its decomposition and the others are inserted after it; then runs of combining marks
 * are put in canonical order, each code point taking its change along, and the changes are applied by position
 * ({@link TextTransform}). So an inserted code point aligns with the character it came from, and reordered marks
 * align with the positions they land on. Decompositions and combining classes are those of HuggingFace's tables
 * ({@link Decompositions}).
 */
final class Decomposition {

    /** Below this no code point decomposes and none is a combining mark: such text is left as it is. */
    private static final int FIRST_AFFECTED = 0xA0;

    private final boolean compatible;

    /**
     * A decomposition.
     *
     * @param compatible true for NFKD, false for NFD
     */
    Decomposition(boolean compatible) {
        this.compatible = compatible;
    }

    NormalizedText apply(NormalizedText text) {
        int n = text.length();
        int first = 0;
        while (first < n && text.codePointAt(first) < FIRST_AFFECTED) {
            first++;
        }
        if (first == n) {
            return text;
        }
        int[] codePoints = new int[n + 8];
        int[] changes = new int[n + 8];
        int size = 0;
        boolean decomposed = false;
        for (int i = 0; i < n; i++) {
            int c = text.codePointAt(i);
            int[] parts = compatible ? Decompositions.compatible(c) : Decompositions.canonical(c);
            if (size + parts.length + 1 > codePoints.length) {
                codePoints = Arrays.copyOf(codePoints, (size + parts.length + 1) * 2);
                changes = Arrays.copyOf(changes, codePoints.length);
            }
            if (parts.length == 0) {
                codePoints[size++] = c;
                continue;
            }
            for (int k = 0; k < parts.length; k++) {
                codePoints[size] = parts[k];
                changes[size++] = k == 0 ? 0 : 1;
            }
            decomposed = true;
        }
        boolean reordered = false;
        int runStart = 0;
        for (int i = 0; i <= size; i++) {
            if (i == size || Decompositions.isUnknownToHuggingFace(codePoints[i])) {
                reordered |= reorderCanonically(codePoints, changes, runStart, i);
                runStart = i + 1;
            }
        }
        if (!decomposed && !reordered) {
            return text;
        }
        TextTransform transform = new TextTransform(size);
        for (int i = 0; i < size; i++) {
            transform.add(codePoints[i], changes[i]);
        }
        return transform.applyTo(text);
    }

    /**
     * Sorts the combining marks of {@code [from, to)} by combining class (stably), moving each change with its code
     * point. Java has no public combining class, so its NFD of the already decomposed part gives the order; each
     * stretch that moved (where the code points before and after balance again) is mapped back code point by code
     * point by rank among equal ones, which a stable sort keeps.
     *
     * @return whether anything moved
     */
    private static boolean reorderCanonically(int[] codePoints, int[] changes, int from, int to) {
        if (!hasAdjacentMarks(codePoints, from, to)) {
            return false;
        }
        String decomposed = new String(codePoints, from, to - from);
        String ordered = java.text.Normalizer.normalize(decomposed, java.text.Normalizer.Form.NFD);
        if (ordered.equals(decomposed)) {
            return false;
        }
        int[] sorted = ordered.codePoints().toArray();
        if (sorted.length != to - from) {
            return false; // not a mere reordering: cannot happen for decomposed text, and nothing to align it by
        }
        int j = 0;
        while (j < sorted.length) {
            if (sorted[j] == codePoints[from + j]) {
                j++;
                continue;
            }
            int start = j;
            Map<Integer, Integer> imbalance = new HashMap<>();
            do {
                imbalance.merge(codePoints[from + j], 1, Integer::sum);
                imbalance.merge(sorted[j], -1, Integer::sum);
                imbalance.values().removeIf(count -> count == 0);
                j++;
            } while (!imbalance.isEmpty());
            moveChanges(codePoints, changes, from + start, sorted, start, j - start);
        }
        return true;
    }

    /** Reordering needs two marks in a row (every character with a combining class is a mark), else it is skipped. */
    private static boolean hasAdjacentMarks(int[] codePoints, int from, int to) {
        boolean previousIsMark = false;
        for (int i = from; i < to; i++) {
            boolean isMark = codePoints[i] >= 0x300 && isMark(codePoints[i]);
            if (isMark && previousIsMark) {
                return true;
            }
            previousIsMark = isMark;
        }
        return false;
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Puts {@code length} sorted code points in place, each with the change of its rank-equal original. */
    private static void moveChanges(int[] codePoints, int[] changes, int at, int[] sorted, int sortedAt, int length) {
        int[] moved = new int[length];
        for (int k = 0; k < length; k++) {
            int c = sorted[sortedAt + k];
            int rank = 0;
            for (int m = 0; m < k; m++) {
                rank += sorted[sortedAt + m] == c ? 1 : 0;
            }
            int source = at;
            while (codePoints[source] != c || rank-- > 0) {
                source++;
            }
            moved[k] = changes[source];
        }
        System.arraycopy(sorted, sortedAt, codePoints, at, length);
        System.arraycopy(moved, 0, changes, at, length);
    }
}
