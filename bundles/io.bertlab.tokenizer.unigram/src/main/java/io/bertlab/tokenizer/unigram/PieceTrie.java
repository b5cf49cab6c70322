package io.bertlab.tokenizer.unigram;

import java.util.Arrays;

/**
 * The pieces of a vocabulary as a trie over code points, walked one code point at a time so that a Viterbi pass
 * finds every piece starting at a position without allocating. Transitions live in one open-addressing table keyed
 * by (node, code point).
 */
final class PieceTrie {

    static final int ROOT = 0;
    static final int NONE = -1;

    private long[] keys;
    private int[] children;
    private int[] pieceOfNode = new int[16];
    private int nodeCount = 1;
    private int transitionCount;

    PieceTrie(int expectedPieces) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedPieces * 8)) * 2;
        keys = new long[capacity];
        Arrays.fill(keys, -1L);
        children = new int[capacity];
        Arrays.fill(pieceOfNode, NONE);
    }

    /**
     * Adds a piece; a later piece with the same text replaces the earlier one, as in HuggingFace, whose lookup of
     * a piece's id keeps the last occurrence.
     */
    void add(String piece, int pieceId) {
        int node = ROOT;
        for (int i = 0; i < piece.length();) {
            int c = piece.codePointAt(i);
            int child = next(node, c);
            if (child == NONE) {
                child = newNode();
                put(node, c, child);
            }
            node = child;
            i += Character.charCount(c);
        }
        pieceOfNode[node] = pieceId;
    }

    /** The node reached from {@code node} by {@code codePoint}, or {@link #NONE}. */
    int next(int node, int codePoint) {
        long key = key(node, codePoint);
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask;; slot = (slot + 1) & mask) {
            if (keys[slot] == key) {
                return children[slot];
            }
            if (keys[slot] == -1L) {
                return NONE;
            }
        }
    }

    /** The piece ending at {@code node}, or {@link #NONE}. */
    int pieceAt(int node) {
        return pieceOfNode[node];
    }

    private int newNode() {
        if (nodeCount == pieceOfNode.length) {
            int old = pieceOfNode.length;
            pieceOfNode = Arrays.copyOf(pieceOfNode, old * 2);
            Arrays.fill(pieceOfNode, old, pieceOfNode.length, NONE);
        }
        return nodeCount++;
    }

    private void put(int node, int codePoint, int child) {
        if ((transitionCount + 1) * 2 > keys.length) {
            grow();
        }
        insert(key(node, codePoint), child);
        transitionCount++;
    }

    private void insert(long key, int child) {
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (keys[slot] != -1L) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        children[slot] = child;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldChildren = children;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, -1L);
        children = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != -1L) {
                insert(oldKeys[i], oldChildren[i]);
            }
        }
    }

    private static long key(int node, int codePoint) {
        return ((long) node << 21) | codePoint;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
