package io.bertlab.engine.java.train;

import io.bertlab.engine.java.kernel.PackedMatrix;

/**
 * One thread's working memory for the attention of one (sequence, head): allocated once per thread and grown to the
 * longest sequence seen, so that the tasks of every layer, step and session reuse it instead of allocating their own.
 */
final class AttentionScratch {

    private static final ThreadLocal<AttentionScratch> OF_THREAD = ThreadLocal.withInitial(AttentionScratch::new);

    private int length = -1;
    private int headSize = -1;
    private int panelWidth = -1;

    /** One head's rows, {@code [seq, headSize]}, contiguous: the left operand of a product. */
    float[] slice;
    /** A product's output {@code [seq, headSize]} before it is scattered into the {@code [tokens, hidden]} layout. */
    float[] product;
    /** {@code [seq, seq]}: scores, probabilities, their gradients. */
    float[] square;
    /** {@code [seq, seq]}: transposes of {@link #square}. */
    float[] transposed;
    /** A packed right-hand operand, {@code [headSize, seq]} or {@code [seq, headSize]}. */
    float[] packed;
    /** Whether each key is attended. */
    boolean[] attended;

    private AttentionScratch() {
    }

    /**
     * The calling thread's scratch, fitted to a head (contents are not kept). A thread runs one attention task at a
     * time, so one scratch per thread serves every session.
     *
     * @param sequenceLength the sequence length
     * @param size the head size
     * @param width the matrix kernel's panel width
     * @return the scratch
     */
    static AttentionScratch ofThread(int sequenceLength, int size, int width) {
        return OF_THREAD.get().fit(sequenceLength, size, width);
    }

    private AttentionScratch fit(int sequenceLength, int size, int width) {
        if (sequenceLength > length || size != headSize || width != panelWidth) {
            length = Math.max(length, sequenceLength);
            headSize = size;
            panelWidth = width;
            slice = new float[length * headSize];
            product = new float[length * headSize];
            square = new float[length * length];
            transposed = new float[length * length];
            packed = new float[Math.max(PackedMatrix.storageSize(headSize, length, panelWidth),
                    PackedMatrix.storageSize(length, headSize, panelWidth))];
            attended = new boolean[length];
        }
        return this;
    }
}
