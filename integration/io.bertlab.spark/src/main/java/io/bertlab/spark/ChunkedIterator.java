package io.bertlab.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * A partition processed a chunk at a time: reads up to {@code size} input rows, turns them into as many output rows
 * in one call (one forward pass), hands them out, then reads the next chunk. Only one chunk is held in memory, so a
 * partition of any size streams through.
 *
 * @param <I> input rows
 * @param <O> output rows
 */
final class ChunkedIterator<I, O> implements Iterator<O> {

    private final Iterator<I> input;
    private final int size;
    private final Function<List<I>, List<O>> process;
    private Iterator<O> current = Collections.emptyIterator();

    ChunkedIterator(Iterator<I> input, int size, Function<List<I>, List<O>> process) {
        this.input = input;
        this.size = size;
        this.process = process;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && input.hasNext()) {
            List<I> chunk = new ArrayList<>(size);
            while (chunk.size() < size && input.hasNext()) {
                chunk.add(input.next());
            }
            current = process.apply(chunk).iterator();
        }
        return current.hasNext();
    }

    @Override
    public O next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
