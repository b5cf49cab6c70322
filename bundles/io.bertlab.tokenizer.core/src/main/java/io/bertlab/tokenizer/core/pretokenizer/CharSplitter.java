package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.TextPattern;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * Splits a piece where characters or pattern matches are delimiters, then applies a {@link SplitBehavior}. With a
 * character predicate, each matching character is a delimiter of its own (as HuggingFace's {@code fn(char)}
 * patterns).
 */
final class CharSplitter {

    private CharSplitter() {
    }

    /**
     * Splits by a character predicate.
     *
     * @param piece the piece
     * @param delimiter which characters are delimiters
     * @param behavior what to do with them
     * @param out receives the words
     */
    static void split(NormalizedText piece, IntPredicate delimiter, SplitBehavior behavior, List<NormalizedText> out) {
        int n = piece.length();
        int[] bounds = new int[n];
        boolean[] isDelimiter = new boolean[n];
        int count = 0;
        int runStart = 0;
        for (int i = 0; i < n; i++) {
            if (delimiter.test(piece.codePointAt(i))) {
                if (i > runStart) {
                    bounds[count++] = i;
                }
                isDelimiter[count] = true;
                bounds[count++] = i + 1;
                runStart = i + 1;
            }
        }
        if (count == 0) {
            if (n > 0) {
                out.add(piece);
            }
            return;
        }
        if (runStart < n) {
            bounds[count++] = n;
        }
        behavior.emit(piece, bounds, isDelimiter, count, out);
    }

    /**
     * Splits by a pattern.
     *
     * @param piece the piece
     * @param pattern finds the delimiters (or, inverted, the words)
     * @param invert when true the matches are the words and the rest are delimiters
     * @param behavior what to do with delimiters
     * @param out receives the words
     */
    static void split(NormalizedText piece, Matches pattern, boolean invert, SplitBehavior behavior,
            List<NormalizedText> out) {
        int n = piece.length();
        int[][] holder = {new int[8]};
        boolean[][] flags = {new boolean[8]};
        int[] count = {0};
        int[] last = {0};
        pattern.find(piece.array(), piece.arrayOffset(), n, (start, end) -> {
            if (start > last[0]) {
                append(holder, flags, count, start, invert);
            }
            append(holder, flags, count, end, !invert);
            last[0] = end;
        });
        if (last[0] < n) {
            append(holder, flags, count, n, invert);
        }
        if (count[0] == 0) {
            return;
        }
        behavior.emit(piece, holder[0], flags[0], count[0], out);
    }

    /** Finds matches in code points: {@link TextPattern#find}, or a hand-written scanner of the same contract. */
    @FunctionalInterface
    interface Matches {
        /**
         * Reports the non-overlapping, non-empty matches from left to right.
         *
         * @param codePoints the text
         * @param from where it starts
         * @param length how many code points
         * @param sink receives each match, relative to {@code from}
         */
        void find(int[] codePoints, int from, int length, TextPattern.MatchSink sink);
    }

    private static void append(int[][] bounds, boolean[][] flags, int[] count, int end, boolean delimiter) {
        if (count[0] == bounds[0].length) {
            bounds[0] = java.util.Arrays.copyOf(bounds[0], count[0] * 2);
            flags[0] = java.util.Arrays.copyOf(flags[0], count[0] * 2);
        }
        bounds[0][count[0]] = end;
        flags[0][count[0]] = delimiter;
        count[0]++;
    }
}
