package io.bertlab.tokenizer.core.pipeline;

import io.bertlab.tokenizer.core.spi.AddedToken;
import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.UnicodeClasses;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds added tokens in text, leftmost-longest and without overlap, with HuggingFace's {@code single_word},
 * {@code lstrip} and {@code rstrip} rules. A trie over code points; an empty matcher costs nothing.
 */
final class AddedTokenMatcher {

    /** Receives the pieces of a split text. */
    interface PieceSink {
        /**
         * One piece.
         *
         * @param piece the text of the piece
         * @param token the added token it is, or null for ordinary text
         */
        void piece(NormalizedText piece, AddedToken token);
    }

    private final Map<Long, Integer> edges = new HashMap<>();
    /** Code points that start some token: most positions are rejected here without a map lookup. */
    private final java.util.BitSet firstCodePoints = new java.util.BitSet();
    private final java.util.ArrayList<AddedToken> terminals = new java.util.ArrayList<>();
    private int nodes = 1;

    AddedTokenMatcher(List<AddedToken> tokens, List<int[]> patterns) {
        terminals.add(null);
        for (int t = 0; t < tokens.size(); t++) {
            if (patterns.get(t).length > 0) {
                firstCodePoints.set(patterns.get(t)[0]);
            }
            int node = 0;
            for (int c : patterns.get(t)) {
                long key = ((long) node << 32) | (c & 0xFFFFFFFFL);
                Integer child = edges.get(key);
                if (child == null) {
                    child = nodes++;
                    edges.put(key, child);
                    terminals.add(null);
                }
                node = child;
            }
            if (node != 0 && terminals.get(node) == null) {
                terminals.set(node, tokens.get(t));
            }
        }
    }

    boolean isEmpty() {
        return nodes == 1;
    }

    void split(NormalizedText text, PieceSink sink) {
        if (isEmpty()) {
            sink.piece(text, null);
            return;
        }
        int n = text.length();
        int pieceStart = 0;
        int i = 0;
        while (i < n) {
            if (!firstCodePoints.get(text.codePointAt(i))) {
                i++;
                continue;
            }
            int node = 0;
            int matchEnd = -1;
            AddedToken matched = null;
            for (int j = i; j < n; j++) {
                Integer child = edges.get(((long) node << 32) | (text.codePointAt(j) & 0xFFFFFFFFL));
                if (child == null) {
                    break;
                }
                node = child;
                if (terminals.get(node) != null) {
                    matchEnd = j + 1;
                    matched = terminals.get(node);
                }
            }
            if (matched == null || (matched.singleWord() && !isSingleWord(text, i, matchEnd))) {
                i++;
                continue;
            }
            int start = i;
            int stop = matchEnd;
            if (matched.lstrip()) {
                while (start > pieceStart && UnicodeClasses.isWhitespace(text.codePointAt(start - 1))) {
                    start--;
                }
            }
            if (matched.rstrip()) {
                while (stop < n && UnicodeClasses.isWhitespace(text.codePointAt(stop))) {
                    stop++;
                }
            }
            if (start > pieceStart) {
                sink.piece(text.slice(pieceStart, start), null);
            }
            sink.piece(text.slice(start, stop), matched);
            pieceStart = stop;
            i = stop;
        }
        if (pieceStart < n) {
            sink.piece(text.slice(pieceStart, n), null);
        }
    }

    private static boolean isSingleWord(NormalizedText text, int start, int end) {
        boolean before = start > 0 && isWordCharacter(text.codePointAt(start - 1));
        boolean after = end < text.length() && isWordCharacter(text.codePointAt(end));
        return !before && !after;
    }

    private static boolean isWordCharacter(int c) {
        return UnicodeClasses.isAlphanumeric(c) || c == '_';
    }
}
