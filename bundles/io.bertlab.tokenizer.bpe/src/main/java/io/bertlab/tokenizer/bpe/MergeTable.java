package io.bertlab.tokenizer.bpe;

import java.util.Arrays;

/**
 * The merges of a BPE model: (left id, right id) to rank, in one open-addressing table of longs; the id a merge
 * produces is kept per rank.
 */
final class MergeTable {

    private static final long EMPTY = -1L;

    private final long[] keys;
    private final int[] ranks;
    private final int[] newIds;

    MergeTable(int[] lefts, int[] rights, int[] producedIds) {
        int capacity = Integer.highestOneBit(Math.max(4, lefts.length * 2)) * 2;
        keys = new long[capacity];
        ranks = new int[capacity];
        Arrays.fill(keys, EMPTY);
        newIds = producedIds.clone();
        int mask = capacity - 1;
        for (int rank = 0; rank < lefts.length; rank++) {
            long key = key(lefts[rank], rights[rank]);
            int slot = hash(key) & mask;
            while (keys[slot] != EMPTY && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == EMPTY) {
                // HuggingFace keeps the first rank of a duplicated merge.
                keys[slot] = key;
                ranks[slot] = rank;
            }
        }
    }

    /**
     * The rank of merging two ids.
     *
     * @return the rank, or -1 when they do not merge
     */
    int rank(int left, int right) {
        long key = key(left, right);
        int mask = keys.length - 1;
        for (int slot = hash(key) & mask;; slot = (slot + 1) & mask) {
            long k = keys[slot];
            if (k == key) {
                return ranks[slot];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    /** The id a merge of some rank produces. */
    int newId(int rank) {
        return newIds[rank];
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 31));
    }
}
