package io.bertlab.tokenizer.bpe;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The symbols of one word while merges apply, as a linked list in arrays, merged in rank order with a heap of
 * (rank, position) pairs exactly as HuggingFace's {@code Word::merge_all} does, dropout included.
 */
final class BpeWord {

    private int[] ids;
    private int[] starts;
    private int[] ends;
    private int[] prev;
    private int[] next;
    private boolean[] removed;
    private int size;
    /** Symbols merged into their left neighbour. */
    private int merged;

    BpeWord(int capacity) {
        ids = new int[Math.max(capacity, 4)];
        starts = new int[ids.length];
        ends = new int[ids.length];
        prev = new int[ids.length];
        next = new int[ids.length];
        removed = new boolean[ids.length];
    }

    void add(int id, int start, int end) {
        if (size == ids.length) {
            int c = size * 2;
            ids = Arrays.copyOf(ids, c);
            starts = Arrays.copyOf(starts, c);
            ends = Arrays.copyOf(ends, c);
            prev = Arrays.copyOf(prev, c);
            next = Arrays.copyOf(next, c);
            removed = Arrays.copyOf(removed, c);
        }
        ids[size] = id;
        starts[size] = start;
        ends[size] = end;
        prev[size] = size - 1;
        next[size] = -1;
        if (size > 0) {
            next[size - 1] = size;
        }
        size++;
    }

    void mergeAll(MergeTable merges, double dropout, RandomGenerator random) {
        LongHeap queue = new LongHeap(size);
        LongHeap skipped = new LongHeap(4);
        for (int i = 0; i + 1 < size; i++) {
            int rank = merges.rank(ids[i], ids[i + 1]);
            if (rank >= 0) {
                queue.push(entry(rank, i));
            }
        }
        while (!queue.isEmpty()) {
            long top = queue.pop();
            if (dropout > 0 && random.nextFloat() < dropout) {
                skipped.push(top);
                continue;
            }
            while (!skipped.isEmpty()) {
                queue.push(skipped.pop());
            }
            int rank = (int) (top >>> 32);
            int pos = (int) top;
            if (removed[pos] || next[pos] < 0) {
                continue;
            }
            int right = next[pos];
            int currentRank = merges.rank(ids[pos], ids[right]);
            int newId = merges.newId(rank);
            if (currentRank < 0 || merges.newId(currentRank) != newId) {
                continue;
            }
            ids[pos] = newId;
            ends[pos] = ends[right];
            next[pos] = next[right];
            removed[right] = true;
            merged++;
            if (next[right] >= 0) {
                prev[next[right]] = pos;
            }
            if (prev[pos] >= 0) {
                int r = merges.rank(ids[prev[pos]], ids[pos]);
                if (r >= 0) {
                    queue.push(entry(r, prev[pos]));
                }
            }
            if (next[pos] >= 0) {
                int r = merges.rank(ids[pos], ids[next[pos]]);
                if (r >= 0) {
                    queue.push(entry(r, pos));
                }
            }
        }
    }

    private static long entry(int rank, int pos) {
        return ((long) rank << 32) | pos;
    }

    /** Visits the remaining symbols in order. */
    void forEach(SymbolVisitor visitor) {
        for (int i = 0; i < size; i++) {
            if (!removed[i]) {
                visitor.symbol(ids[i], starts[i], ends[i]);
            }
        }
    }

    /** The number of remaining symbols. */
    int symbolCount() {
        return size - merged;
    }

    /** Writes the remaining symbols in order as (id, start, end) triples from {@code at} on. */
    void writeTriples(int[] into, int at) {
        for (int i = 0; i < size; i++) {
            if (!removed[i]) {
                into[at++] = ids[i];
                into[at++] = starts[i];
                into[at++] = ends[i];
            }
        }
    }

    /** Receives symbols. */
    interface SymbolVisitor {
        void symbol(int id, int start, int end);
    }

    /** A binary min-heap of longs: (rank, position) pairs order by rank, then position, as HuggingFace's. */
    private static final class LongHeap {
        private long[] heap;
        private int n;

        LongHeap(int capacity) {
            heap = new long[Math.max(capacity, 4)];
        }

        boolean isEmpty() {
            return n == 0;
        }

        void push(long value) {
            if (n == heap.length) {
                heap = Arrays.copyOf(heap, n * 2);
            }
            int i = n++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (heap[parent] <= value) {
                    break;
                }
                heap[i] = heap[parent];
                i = parent;
            }
            heap[i] = value;
        }

        long pop() {
            long top = heap[0];
            long last = heap[--n];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= n) {
                    break;
                }
                if (child + 1 < n && heap[child + 1] < heap[child]) {
                    child++;
                }
                if (heap[child] >= last) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            if (n > 0) {
                heap[i] = last;
            }
            return top;
        }
    }
}
