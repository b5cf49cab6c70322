package io.bertlab.tokenizer.trainer;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * The repeated substrings of a text with their numbers of occurrences: the internal nodes of its suffix tree, found
 * as the intervals of the suffix array sharing a longest common prefix (what SentencePiece's {@code esaxx} reports).
 * The text is code points, so that substrings never split a character.
 */
final class RepeatedSubstrings {

    /** Receives one repeated substring. */
    @FunctionalInterface
    interface Visitor {
        /**
         * @param start where one occurrence starts in the text
         * @param length its length in code points
         * @param occurrences how often it occurs
         */
        void substring(int start, int length, int occurrences);
    }

    private RepeatedSubstrings() {
    }

    static void forEach(int[] text, Visitor visitor) {
        int n = text.length;
        if (n < 2) {
            return;
        }
        int[] suffixes = suffixArray(text);
        int[] lcp = longestCommonPrefixes(text, suffixes);
        // Stack of open intervals: (depth, left bound); each closes when the common prefix shrinks below its depth.
        Deque<int[]> open = new ArrayDeque<>();
        open.push(new int[] {0, 0});
        for (int i = 1; i <= n; i++) {
            int depth = i < n ? lcp[i] : 0;
            int left = i - 1;
            while (open.peek()[0] > depth) {
                int[] interval = open.pop();
                left = interval[1];
                visitor.substring(suffixes[left], interval[0], i - left);
            }
            if (open.peek()[0] < depth) {
                open.push(new int[] {depth, left});
            }
        }
    }

    /** Suffix array by prefix doubling: ranks of 2k-prefixes from ranks of k-prefixes. */
    private static int[] suffixArray(int[] text) {
        int n = text.length;
        Integer[] order = new Integer[n];
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            rank[i] = text[i];
        }
        int[] next = new int[n];
        for (int k = 1;; k <<= 1) {
            final int step = k;
            final int[] r = rank;
            java.util.Comparator<Integer> byPair = (a, b) -> {
                if (r[a] != r[b]) {
                    return Integer.compare(r[a], r[b]);
                }
                int ra = a + step < n ? r[a + step] : -1;
                int rb = b + step < n ? r[b + step] : -1;
                return Integer.compare(ra, rb);
            };
            Arrays.sort(order, byPair);
            next[order[0]] = 0;
            for (int i = 1; i < n; i++) {
                next[order[i]] = next[order[i - 1]] + (byPair.compare(order[i - 1], order[i]) < 0 ? 1 : 0);
            }
            System.arraycopy(next, 0, rank, 0, n);
            if (rank[order[n - 1]] == n - 1) {
                break;
            }
        }
        int[] result = new int[n];
        for (int i = 0; i < n; i++) {
            result[i] = order[i];
        }
        return result;
    }

    /** lcp[i]: the common prefix of suffixes[i - 1] and suffixes[i] (Kasai et al.). */
    private static int[] longestCommonPrefixes(int[] text, int[] suffixes) {
        int n = text.length;
        int[] rankOf = new int[n];
        for (int i = 0; i < n; i++) {
            rankOf[suffixes[i]] = i;
        }
        int[] lcp = new int[n];
        int h = 0;
        for (int i = 0; i < n; i++) {
            if (rankOf[i] > 0) {
                int j = suffixes[rankOf[i] - 1];
                while (i + h < n && j + h < n && text[i + h] == text[j + h]) {
                    h++;
                }
                lcp[rankOf[i]] = h;
                if (h > 0) {
                    h--;
                }
            } else {
                h = 0;
            }
        }
        return lcp;
    }
}
