package io.bertlab.tokenizer.trainer;

import java.util.Arrays;

/**
 * Numbers symbol pairs densely (open addressing over primitive keys), so that counts and word lists can live in
 * arrays. A pair is two symbol ids packed in a long. {@code HashMap<Long, ...>} was the trainer's hot spot: boxing,
 * and {@code Long.hashCode} of a packed pair is {@code left ^ right}, which collides so often that bins turn into
 * trees.
 */
final class PairIndex {

    private static final long EMPTY = -1L;

    private long[] keys = new long[1 << 16];
    private int[] slots = new int[1 << 16];
    private long[] pairsByIndex = new long[1 << 14];
    private int size;

    PairIndex() {
        Arrays.fill(keys, EMPTY);
    }

    /** The packed pair. */
    static long pair(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    /** The index of a pair, numbered on first sight from 0. */
    int indexOf(long pair) {
        int slot = slotOf(pair);
        if (keys[slot] == pair) {
            return slots[slot];
        }
        if (size == pairsByIndex.length) {
            pairsByIndex = Arrays.copyOf(pairsByIndex, size * 2);
        }
        pairsByIndex[size] = pair;
        keys[slot] = pair;
        slots[slot] = size;
        if (++size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    /** The index of a pair, or -1 when never seen. */
    int find(long pair) {
        int slot = slotOf(pair);
        return keys[slot] == pair ? slots[slot] : -1;
    }

    /** The slot holding a pair, or the empty slot where it would go (linear probing). */
    private int slotOf(long pair) {
        int mask = keys.length - 1;
        int slot = mix(pair) & mask;
        while (keys[slot] != pair && keys[slot] != EMPTY) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** The pair of an index. */
    long pairAt(int index) {
        return pairsByIndex[index];
    }

    /** How many pairs are numbered. */
    int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                slots[slot] = oldSlots[i];
            }
        }
    }

    /** A 64-bit finalizer (MurmurHash3's), so that nearby ids spread over the table. */
    private static int mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }
}
