package io.bertlab.tokenizer.wordpiece;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HuggingFace's WordPiece ({@code tokenizers/src/models/wordpiece/mod.rs}) as plainly as it reads, to judge the
 * automaton by: from each piece start, try the longest rest of the word (with the continuation prefix after the
 * first piece) and shorten it one code point at a time until the vocabulary holds it. Quadratic, and it counts its
 * look-ups so tests can show which words are hard for it.
 */
final class GreedyReference {

    private final Map<String, Integer> vocab;
    private final int unkId;
    private final String prefix;
    private final int maxInputCharsPerWord;
    private long lookups;

    GreedyReference(Map<String, Integer> vocab, String unkToken, String prefix, int maxInputCharsPerWord) {
        this.vocab = vocab;
        this.unkId = vocab.get(unkToken);
        this.prefix = prefix;
        this.maxInputCharsPerWord = maxInputCharsPerWord;
    }

    /** The pieces of a word; offsets in code points. */
    List<Piece> split(String word) {
        int[] cps = word.codePoints().toArray();
        if (cps.length > maxInputCharsPerWord) {
            return List.of(new Piece(unkId, 0, cps.length));
        }
        List<Piece> pieces = new ArrayList<>();
        int start = 0;
        while (start < cps.length) {
            Integer id = null;
            int end = cps.length;
            for (; end > start; end--) {
                String piece = new String(cps, start, end - start);
                lookups++;
                id = vocab.get(start > 0 ? prefix + piece : piece);
                if (id != null) {
                    break;
                }
            }
            if (id == null) {
                return List.of(new Piece(unkId, 0, cps.length));
            }
            pieces.add(new Piece(id, start, end));
            start = end;
        }
        return pieces;
    }

    /** Vocabulary look-ups made so far. */
    long lookups() {
        return lookups;
    }

    /** One token of a split word. */
    record Piece(int id, int start, int end) {
        @Override
        public String toString() {
            return id + "[" + start + "," + end + ")";
        }
    }
}
