package io.bertlab.tokenizer.wordpiece;

import java.util.Arrays;

/**
 * The edges of a trie over code points: one open-addressing hash table keyed by (node, code point). Each edge
 * carries an int value beside its child, which describes the child (every node but a root has exactly one incoming
 * edge), so the look-up that enters a node also reads what the caller needs to know about it. A key and its edge
 * sit side by side in one array: a look-up reads one cache line and allocates nothing. Nodes are plain ints handed
 * out in order; a trie may have several roots (each {@link #addNode()} not made by {@link #addChild} is one).
 */
final class CodePointTrie {

    /** What {@link #edge} returns when there is no such edge; its {@link #child(long)} is negative. */
    static final long NO_EDGE = -1L;

    private static final long EMPTY = -1L;
    private static final int CODE_POINT_BITS = 21;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** Slot i holds its key at 2i and its edge (value and child) at 2i + 1. */
    private long[] slots;
    /** 64 minus log2 of the slot count: the hash's top bits pick the slot. */
    private int shift;
    private int nodeCount;
    private int edgeCount;

    CodePointTrie() {
        allocate(1024);
    }

    /**
     * A new node with no edges yet.
     *
     * @return its number
     */
    int addNode() {
        return nodeCount++;
    }

    /** The number of nodes handed out so far; nodes are {@code 0 .. nodeCount() - 1}. */
    int nodeCount() {
        return nodeCount;
    }

    /**
     * The child of a node along a code point, added (with value -1) when absent.
     *
     * @return the child
     */
    int addChild(int node, int codePoint) {
        int child = child(edge(node, codePoint));
        if (child >= 0) {
            return child;
        }
        // Keep the table at most half full, so that probe runs stay short.
        if ((edgeCount + 1) * 4 > slots.length) {
            rehash(slots.length); // twice the slot count: the array holds two longs a slot
        }
        child = addNode();
        long key = key(node, codePoint);
        int i = find(key);
        slots[i] = key;
        slots[i + 1] = packEdge(-1, child);
        edgeCount++;
        return child;
    }

    /** Sets the value of an existing edge. */
    void setValue(int node, int codePoint, int value) {
        int i = find(key(node, codePoint));
        slots[i + 1] = packEdge(value, child(slots[i + 1]));
    }

    /**
     * The edge from a node along a code point: its child and value, read by {@link #child(long)} and
     * {@link #value(long)}.
     *
     * @return the edge, or {@link #NO_EDGE}
     */
    long edge(int node, int codePoint) {
        long key = key(node, codePoint);
        long[] s = slots;
        int mask = s.length - 1;
        for (int i = index(key);; i = (i + 2) & mask) {
            long k = s[i];
            if (k == key) {
                return s[i + 1];
            }
            if (k == EMPTY) {
                return NO_EDGE;
            }
        }
    }

    /**
     * The child of a node along a code point.
     *
     * @return the child, or a negative number
     */
    int child(int node, int codePoint) {
        return child(edge(node, codePoint));
    }

    /** The child an edge leads to; negative for {@link #NO_EDGE}. */
    static int child(long edge) {
        return (int) edge;
    }

    /** The value an edge carries. */
    static int value(long edge) {
        return (int) (edge >> 32);
    }

    private static long packEdge(int value, int child) {
        return ((long) value << 32) | (child & 0xFFFFFFFFL);
    }

    /** The array index of the key's slot, or of the empty slot where it would go. */
    private int find(long key) {
        int mask = slots.length - 1;
        int i = index(key);
        while (slots[i] != key && slots[i] != EMPTY) {
            i = (i + 2) & mask;
        }
        return i;
    }

    private void rehash(int slotCount) {
        long[] old = slots;
        allocate(slotCount);
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != EMPTY) {
                int j = find(old[i]);
                slots[j] = old[i];
                slots[j + 1] = old[i + 1];
            }
        }
    }

    private void allocate(int slotCount) {
        slots = new long[slotCount * 2];
        Arrays.fill(slots, EMPTY);
        shift = 64 - Integer.numberOfTrailingZeros(slotCount);
    }

    /** The even array index of the key's home slot (Fibonacci hashing: the product's top bits). */
    private int index(long key) {
        return (int) ((key * GOLDEN) >>> shift) << 1;
    }

    private static long key(int node, int codePoint) {
        return ((long) node << CODE_POINT_BITS) | codePoint;
    }
}
