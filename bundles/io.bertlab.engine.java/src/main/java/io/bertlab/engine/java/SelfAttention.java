package io.bertlab.engine.java;

import io.bertlab.api.model.Batch;
import io.bertlab.engine.java.kernel.ElementwiseKernel;
import io.bertlab.engine.java.kernel.MaskedSoftmax;
import io.bertlab.engine.java.kernel.MatrixKernel;
import io.bertlab.engine.java.kernel.PackedMatrix;
import io.bertlab.engine.java.kernel.Parallel;

/**
 * Multi-head scaled dot-product attention over the fused {@code [q | k | v]} projections, one task per
 * (sequence, head), each two small products on the matrix kernel, the softmax in {@link MaskedSoftmax}.
 */
final class SelfAttention {

    private final int heads;
    private final int headSize;
    private final int hidden;
    private final float scale;

    private final ElementwiseKernel elementwise;
    private final MatrixKernel kernel;

    SelfAttention(int heads, int headSize, MatrixKernel kernel, ElementwiseKernel elementwise) {
        this.kernel = kernel;
        this.elementwise = elementwise;
        this.heads = heads;
        this.headSize = headSize;
        this.hidden = heads * headSize;
        this.scale = (float) (1 / Math.sqrt(headSize));
    }

    /**
     * Computes the attention context of every token.
     *
     * @param qkv fused projections, {@code [batch·seq, 3·hidden]}
     * @param batch the inputs (for the attention mask)
     * @param context the output, {@code [batch·seq, hidden]}, heads side by side as HF concatenates them
     * @param probabilities where to copy the attention probabilities, {@code [batch, heads, seq, seq]}, or
     *        {@code null}
     * @param parallel the compute threads
     */
    void compute(float[] qkv, Batch batch, float[] context, float[] probabilities, Parallel parallel) {
        int sequences = batch.size();
        int length = batch.sequenceLength();
        parallel.forEach(sequences * heads, task -> {
            int b = task / heads;
            int h = task % heads;
            attendOneHead(qkv, batch, b, h, length, context, probabilities);
        });
    }

    /**
     * One head of one sequence as two small matrix products on the matrix kernel: scores = Q·Kᵀ, then
     * context = softmax(scores)·V.
     */
    private void attendOneHead(float[] qkv, Batch batch, int b, int h, int length, float[] context,
            float[] probabilities) {
        int stride = 3 * hidden;
        int rowBase = b * length;
        float[] queries = new float[length * headSize];
        float[] keysT = new float[headSize * length];
        float[] values = new float[length * headSize];
        boolean[] attended = new boolean[length];
        int attendedCount = 0;
        for (int j = 0; j < length; j++) {
            int row = (rowBase + j) * stride + h * headSize;
            System.arraycopy(qkv, row, queries, j * headSize, headSize);
            for (int d = 0; d < headSize; d++) {
                keysT[d * length + j] = qkv[row + hidden + d];
            }
            System.arraycopy(qkv, row + 2 * hidden, values, j * headSize, headSize);
            attended[j] = batch.attended(b, j);
            attendedCount += attended[j] ? 1 : 0;
        }
        int width = kernel.panelWidth();
        PackedMatrix keys = PackedMatrix.of(keysT, headSize, length, width);
        float[] scores = new float[length * length];
        kernel.multiply(queries, keys, null, scores, 0, length, 0, keys.panelCount());
        for (int i = 0; i < length; i++) {
            MaskedSoftmax.apply(scores, i * length, length, scale, attended, attendedCount, elementwise);
        }
        if (probabilities != null) {
            System.arraycopy(scores, 0, probabilities, (b * heads + h) * length * length, length * length);
        }
        PackedMatrix valueMatrix = PackedMatrix.of(values, length, headSize, width);
        float[] headContext = new float[length * headSize];
        kernel.multiply(scores, valueMatrix, null, headContext, 0, length, 0, valueMatrix.panelCount());
        for (int i = 0; i < length; i++) {
            System.arraycopy(headContext, i * headSize, context, (rowBase + i) * hidden + h * headSize, headSize);
        }
    }
}
