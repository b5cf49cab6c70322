package io.bertlab.tokenizer.wordpiece;

/**
 * LinMaxMatch (Song et al. 2021, "Fast WordPiece Tokenization"): WordPiece's greedy longest-match-first in time
 * linear in the word's length.
 *
 * <p>The vocabulary trie has two roots: word-start pieces hang under one, continuation pieces (without their
 * prefix, e.g. {@code ##}) under the other. When no edge leads on from a node, MaxMatch would emit the longest piece
 * on the path and re-read the rest as a continuation; that outcome depends only on the node, so it is precomputed:
 * the node's <em>failure pops</em> (the pieces emitted) and <em>failure link</em> (the continuation node the
 * unconsumed rest leads to). The word is read once, left to right, never backing up: each goto transition consumes
 * a code point and each failure transition emits at least one, so a word of n code points takes at most 2n
 * transitions. Built by
 * {@link WordPieceAutomatonBuilder}; immutable.
 *
 * <p>Matching is bound by memory reads, so the layout saves cache misses: each trie edge carries the token its
 * child spells, which makes the commonest failure, at a node that is itself a piece, free; other nodes keep their
 * failure link and the start of their pops in one long.
 */
final class WordPieceAutomaton {

    /** What {@link #split} returns for a word it cannot cover. */
    static final long NO_SPLIT = -1L;
    /** The edge value of a node that spells no piece. */
    static final int NO_TOKEN = -1;

    private final CodePointTrie trie;
    private final int wordRoot;
    private final int suffixRoot;
    private final long[] failures;
    private final long[] pops;

    /**
     * @param trie the goto edges of both roots; each edge's value is the token its child spells, or
     *     {@link #NO_TOKEN}
     * @param wordRoot root of the word-start pieces
     * @param suffixRoot root of the continuation pieces (the empty continuation)
     * @param failures per node, made by {@link #failure}; negative where the word cannot be covered
     * @param pops the failure pops of all nodes, packed by {@link Pieces#pack} with their lengths, each node's
     *     list ending in a piece marked by {@link Pieces#markLast}
     */
    WordPieceAutomaton(CodePointTrie trie, int wordRoot, int suffixRoot, long[] failures, long[] pops) {
        this.trie = trie;
        this.wordRoot = wordRoot;
        this.suffixRoot = suffixRoot;
        this.failures = failures;
        this.pops = pops;
    }

    /**
     * Splits one word into pieces, as greedy longest-match-first does.
     *
     * @param codePoints an array holding the word
     * @param from where the word starts
     * @param length its length in code points
     * @param pieces receives the pieces, packed by {@link Pieces#pack} with their end offsets; at least
     *     {@code length} long, since every piece holds at least one code point
     * @return {@link #NO_SPLIT} when the word cannot be covered, else the number of pieces and of transitions,
     *     read by {@link #pieceCount} and {@link #transitions}
     */
    long split(int[] codePoints, int from, int length, long[] pieces) {
        int node = wordRoot;
        // The piece the current node spells, when the edge into it said so; NO_TOKEN when it is none or unknown.
        int token = NO_TOKEN;
        int count = 0;
        int transitions = 0;
        for (int i = 0; i < length; i++) {
            int codePoint = codePoints[from + i];
            long edge;
            while (CodePointTrie.child(edge = trie.edge(node, codePoint)) < 0) {
                if (token != NO_TOKEN) {
                    // The node is a whole piece: MaxMatch takes it, and a continuation starts here.
                    pieces[count++] = Pieces.pack(token, i);
                    node = suffixRoot;
                    token = NO_TOKEN;
                } else {
                    long failure = failures[node];
                    if (failure < 0) {
                        return NO_SPLIT;
                    }
                    count = pop(failure, pieces, count);
                    node = link(failure);
                }
                transitions++;
            }
            node = CodePointTrie.child(edge);
            token = CodePointTrie.value(edge);
            transitions++;
        }
        // The word is read: the current piece must still split completely, down to the empty continuation.
        if (token != NO_TOKEN) {
            pieces[count++] = Pieces.pack(token, length);
            return summary(count, transitions + 1);
        }
        while (node != suffixRoot && node != wordRoot) {
            long failure = failures[node];
            if (failure < 0) {
                return NO_SPLIT;
            }
            count = pop(failure, pieces, count);
            node = link(failure);
            transitions++;
        }
        return summary(count, transitions);
    }

    /** The number of pieces of a successful {@link #split}. */
    static int pieceCount(long split) {
        return (int) split;
    }

    /** The number of goto and failure transitions a successful {@link #split} took: at most twice the length. */
    static int transitions(long split) {
        return (int) (split >>> 32);
    }

    /**
     * A node's failure link and the start of its failure pops, in one long so that a failure costs one read.
     *
     * @param link the failure link, a node
     * @param popsStart where the node's pops start in the pops array
     * @return the packed failure
     */
    static long failure(int link, int popsStart) {
        return ((long) link << 32) | popsStart;
    }

    /** The failure link of a packed failure. */
    static int link(long failure) {
        return (int) (failure >>> 32);
    }

    /** The start of the failure pops of a packed failure. */
    static int popsStart(long failure) {
        return (int) failure;
    }

    private static long summary(int pieceCount, int transitions) {
        return ((long) transitions << 32) | pieceCount;
    }

    /** Appends a failure's pops after the {@code count} pieces already split; returns the new count. */
    private int pop(long failure, long[] pieces, int count) {
        int end = count == 0 ? 0 : Pieces.codePoints(pieces[count - 1]);
        long pop;
        int p = popsStart(failure);
        do {
            pop = pops[p++];
            end += Pieces.codePoints(pop);
            pieces[count++] = Pieces.pack(Pieces.id(pop), end);
        } while (!Pieces.isLast(pop));
        return count;
    }
}
