package io.bertlab.tokenizer.wordpiece;

import java.util.Map;

/**
 * WordPiece's longest-match-first by vocabulary look-ups, as HuggingFace's own WordPiece splits a word: from each
 * piece start, the longest rest of the word that the vocabulary holds (with the continuation prefix after the first
 * piece). Look-ups start no longer than the longest vocabulary entry, which changes no outcome. Quadratic in the
 * worst case, so a split stops once it has used the look-ups it was given.
 */
final class GreedyMatch {

    /** What {@link #split} returns when the word needs more look-ups than it was given. */
    static final long OVER_BUDGET = -2L;
    /** The lower half of what {@link #split} returns for a word it cannot cover. */
    private static final long UNCOVERED = 0xFFFF_FFFFL;

    private final Map<String, Integer> vocab;
    private final String prefix;
    private final int longestEntry;

    /**
     * @param vocab token to id
     * @param continuingSubwordPrefix the prefix of continuation entries, e.g. {@code ##}
     */
    GreedyMatch(Map<String, Integer> vocab, String continuingSubwordPrefix) {
        this.vocab = vocab;
        this.prefix = continuingSubwordPrefix;
        int longest = 0;
        for (String token : vocab.keySet()) {
            longest = Math.max(longest, token.codePointCount(0, token.length()));
        }
        this.longestEntry = longest;
    }

    /**
     * Splits one word, as {@link WordPieceAutomaton#split} does.
     *
     * @param codePoints an array holding the word
     * @param from where the word starts
     * @param length its length in code points
     * @param pieces receives the pieces, packed by {@link Pieces#pack} with their end offsets
     * @param budget the most look-ups to make
     * @return {@link #OVER_BUDGET}, or the number of look-ups made (read by {@link #lookups}) with the number of
     *     pieces, or -1 when the word cannot be covered (read by {@link WordPieceAutomaton#pieceCount})
     */
    long split(int[] codePoints, int from, int length, long[] pieces, long budget) {
        long lookups = 0;
        int count = 0;
        int start = 0;
        StringBuilder key = new StringBuilder(prefix.length() + Math.min(length, longestEntry) * 2);
        while (start < length) {
            int end = Math.min(length, start + longestEntry);
            int id = -1;
            for (; end > start && id < 0; end--) {
                if (++lookups > budget) {
                    return OVER_BUDGET;
                }
                key.setLength(0);
                if (start > 0) {
                    key.append(prefix);
                }
                for (int i = start; i < end; i++) {
                    key.appendCodePoint(codePoints[from + i]);
                }
                Integer found = vocab.get(key.toString());
                id = found == null ? -1 : found;
            }
            if (id < 0) {
                return (lookups << 32) | UNCOVERED;
            }
            end++; // the loop stepped past the piece it found
            pieces[count++] = Pieces.pack(id, end);
            start = end;
        }
        return (lookups << 32) | count;
    }

    /** The look-ups a {@link #split} within its budget made. */
    static long lookups(long split) {
        return split >>> 32;
    }
}
