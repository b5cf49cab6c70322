package io.bertlab.engine.java.train;

import io.bertlab.engine.java.kernel.Parallel;
import java.util.ArrayList;
import java.util.List;

/**
 * Every parameter's elements cut into fixed ranges, so that element-wise passes over all parameters (the optimizer,
 * gradient clipping) run on the compute threads. The cut depends on the parameters only, never on the thread count,
 * so a reduction summed chunk by chunk in chunk order gives the same bits on any number of threads.
 */
final class ParameterChunks {

    /** Elements per chunk: 256 KiB of one array, small enough to share out 22 M parameters evenly. */
    static final int SIZE = 1 << 16;

    /**
     * A range of one parameter's elements.
     *
     * @param parameter the parameter
     * @param from first element
     * @param to end element (exclusive)
     */
    record Chunk(Parameters.Parameter parameter, int from, int to) {
    }

    /** What to do with one chunk. */
    @FunctionalInterface
    interface Body {
        void accept(int index, Chunk chunk);
    }

    private final List<Chunk> chunks = new ArrayList<>();

    ParameterChunks(Parameters parameters) {
        for (Parameters.Parameter p : parameters.all()) {
            int length = p.values().length;
            for (int from = 0; from < length; from += SIZE) {
                chunks.add(new Chunk(p, from, Math.min(length, from + SIZE)));
            }
        }
    }

    /** The number of chunks. */
    int count() {
        return chunks.size();
    }

    /**
     * Runs {@code body} on every chunk, on the compute threads.
     *
     * @param parallel the threads
     * @param body the work for one chunk, given with its index
     */
    void forEach(Parallel parallel, Body body) {
        parallel.forEach(chunks.size(), i -> body.accept(i, chunks.get(i)));
    }
}
