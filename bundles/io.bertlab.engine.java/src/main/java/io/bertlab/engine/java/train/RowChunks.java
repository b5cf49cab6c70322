package io.bertlab.engine.java.train;

import io.bertlab.engine.java.kernel.Parallel;

/**
 * Sums over the rows of a matrix (bias and LayerNorm gradients) on the compute threads: each fixed chunk of rows
 * sums into its own partial, and the partials are added in chunk order. The chunks depend on the row count only, so
 * the sums have the same bits on any number of threads.
 */
final class RowChunks {

    /** Rows per chunk: 64 rows of a 1536-wide matrix are 384 KiB, and a 8·128-token batch gives 16 chunks. */
    static final int ROWS = 64;

    /** The work on one chunk of rows. */
    @FunctionalInterface
    interface Body {
        /**
         * Works on rows {@code [from, to)}.
         *
         * @param from first row
         * @param to end row (exclusive)
         * @param partial this chunk's sums, zero on entry
         */
        void accept(int from, int to, float[] partial);
    }

    private RowChunks() {
    }

    /**
     * Runs {@code body} on every chunk of rows.
     *
     * @param parallel the threads
     * @param rows the number of rows
     * @param width the length of each chunk's partial sums
     * @param body the work
     * @return each chunk's partial sums, in chunk order
     */
    static float[][] run(Parallel parallel, int rows, int width, Body body) {
        float[][] partials = new float[(rows + ROWS - 1) / ROWS][width];
        parallel.forEachRange(rows, ROWS, (from, to) -> body.accept(from, to, partials[from / ROWS]));
        return partials;
    }

    /**
     * Adds {@code partials[c][offset + j]} to {@code target[j]}, chunk after chunk.
     *
     * @param partials the partial sums from {@link #run}
     * @param offset where the sums for {@code target} start in each partial
     * @param target receives the sums
     */
    static void addInOrder(float[][] partials, int offset, float[] target) {
        for (float[] partial : partials) {
            for (int j = 0; j < target.length; j++) {
                target[j] += partial[offset + j];
            }
        }
    }
}
