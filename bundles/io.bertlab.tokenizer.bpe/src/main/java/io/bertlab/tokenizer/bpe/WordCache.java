package io.bertlab.tokenizer.bpe;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Merged words by their code points, with HuggingFace's BPE cache policy: at most {@code capacity} words, and once
 * full it stops adding (nothing is evicted, so the words seen first stay). A cache never changes a result, only how
 * fast it comes.
 *
 * <p>One open-addressing table of at least twice the capacity, so a probe always ends at an empty slot. An entry is
 * one array, {@code [hash, length, code points..., (id, start, end)...]}: a lookup hashes the word where it lies
 * and compares code points, with no key object made. Lock-free and thread-safe: a word is written into its array
 * before the array is published into its slot (compare-and-set), a slot once filled never changes, and the count of
 * words is reserved before a slot is taken, so the table never holds more than {@code capacity}.
 */
final class WordCache {

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(int[][].class);
    /** Where an entry's code points start: after the hash and the length. */
    private static final int KEY = 2;

    private final int capacity;
    private final int[][] slots;
    private final AtomicInteger size = new AtomicInteger();

    /**
     * An empty cache.
     *
     * @param capacity the most words it holds
     */
    WordCache(int capacity) {
        this.capacity = capacity;
        int length = 4;
        while (length < 2 * capacity) {
            length *= 2;
        }
        slots = new int[length][];
    }

    /** The hash of a word, to pass to {@link #get} and {@link #put}. */
    static int hash(int[] cps, int from, int length) {
        int h = length;
        for (int i = from; i < from + length; i++) {
            h = (h ^ cps[i]) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        return h ^ h >>> 13;
    }

    /**
     * A word's entry.
     *
     * @return the entry, its tokens from {@link #tokensStart} on as (id, start, end) triples; null when not cached
     */
    int[] get(int[] cps, int from, int length, int hash) {
        int mask = slots.length - 1;
        for (int slot = hash & mask;; slot = (slot + 1) & mask) {
            int[] entry = (int[]) SLOTS.getAcquire(slots, slot);
            if (entry == null) {
                return null;
            }
            if (matches(entry, cps, from, length, hash)) {
                return entry;
            }
        }
    }

    /** Where an entry's (id, start, end) triples start. */
    static int tokensStart(int length) {
        return KEY + length;
    }

    /** Whether no word can be added any more. */
    boolean isFull() {
        return size.get() >= capacity;
    }

    /**
     * Caches a word unless the cache is full (or another thread cached it meanwhile).
     *
     * @param tokens the merged word, whose symbols become the entry's triples
     */
    void put(int[] cps, int from, int length, int hash, BpeWord tokens) {
        int taken;
        do {
            taken = size.get();
            if (taken >= capacity) {
                return;
            }
        } while (!size.compareAndSet(taken, taken + 1));
        int[] entry = new int[KEY + length + 3 * tokens.symbolCount()];
        entry[0] = hash;
        entry[1] = length;
        System.arraycopy(cps, from, entry, KEY, length);
        tokens.writeTriples(entry, KEY + length);
        int mask = slots.length - 1;
        for (int slot = hash & mask;; slot = (slot + 1) & mask) {
            if (SLOTS.compareAndSet(slots, slot, null, entry)) {
                return;
            }
            if (matches((int[]) SLOTS.getAcquire(slots, slot), cps, from, length, hash)) {
                size.decrementAndGet();
                return;
            }
        }
    }

    private static boolean matches(int[] entry, int[] cps, int from, int length, int hash) {
        return entry[0] == hash && entry[1] == length
                && Arrays.equals(entry, KEY, KEY + length, cps, from, from + length);
    }

    /** The number of words cached. */
    int size() {
        return size.get();
    }
}
