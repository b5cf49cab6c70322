package io.bertlab.tokenizer.wordpiece;

import java.util.Arrays;

/**
 * A trie over code points in flat arrays: edges live in one open-addressing hash table keyed by
 * (node, code point), each node holds the id of the token ending there. No objects per node or per lookup.
 */
final class CodePointTrie {

    private static final long EMPTY = -1L;

    private long[] keys;
    private int[] children;
    private int[] values = new int[16];
    private int nodeCount = 1;
    private int edgeCount;

    CodePointTrie() {
        keys = new long[1024];
        children = new int[1024];
        Arrays.fill(keys, EMPTY);
        Arrays.fill(values, -1);
    }

    /** The root node. */
    static int root() {
        return 0;
    }

    void insert(int[] codePoints, int from, int to, int value) {
        int node = 0;
        for (int i = from; i < to; i++) {
            int child = child(node, codePoints[i]);
            if (child < 0) {
                child = addNode();
                put(key(node, codePoints[i]), child);
            }
            node = child;
        }
        if (values[node] < 0) {
            values[node] = value;
        }
    }

    /**
     * The child of a node.
     *
     * @return the child, or -1
     */
    int child(int node, int codePoint) {
        long key = key(node, codePoint);
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask;; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return children[slot];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    /** The value at a node, or -1. */
    int value(int node) {
        return values[node];
    }

    private int addNode() {
        if (nodeCount == values.length) {
            int old = values.length;
            values = Arrays.copyOf(values, old * 2);
            Arrays.fill(values, old, values.length, -1);
        }
        return nodeCount++;
    }

    private void put(long key, int child) {
        if ((edgeCount + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        keys[slot] = key;
        children[slot] = child;
        edgeCount++;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldChildren = children;
        keys = new long[oldKeys.length * 2];
        children = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = hash(oldKeys[i]) & mask;
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                children[slot] = oldChildren[i];
            }
        }
    }

    private static long key(int node, int codePoint) {
        return ((long) node << 21) | codePoint;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }
}
