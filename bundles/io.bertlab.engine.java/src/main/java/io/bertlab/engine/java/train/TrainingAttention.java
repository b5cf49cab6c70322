package io.bertlab.engine.java.train;

import io.bertlab.api.model.Batch;
import io.bertlab.engine.java.kernel.ElementwiseKernel;
import io.bertlab.engine.java.kernel.Gemm;
import io.bertlab.engine.java.kernel.MaskedSoftmax;
import io.bertlab.engine.java.kernel.MatrixKernel;
import io.bertlab.engine.java.kernel.PackedMatrix;
import io.bertlab.engine.java.kernel.Transpose;

/**
 * Multi-head scaled dot-product attention with dropout on the probabilities, forward and backward. One task per
 * (sequence, head); each is a handful of small products on the matrix kernel, with operands packed straight from the
 * {@code [tokens, hidden]} layout into the thread's {@link AttentionScratch}. A task writes only its own head's
 * columns, so the result does not depend on which thread runs it.
 *
 * <p>With {@code S = Q·Kᵀ·scale}, {@code P = softmax(S)}, {@code P' = P∘mask} (dropout) and {@code C = P'·V},
 * backward from {@code dC} is {@code dP' = dC·Vᵀ}, {@code dV = P'ᵀ·dC}, {@code dP = dP'∘mask},
 * {@code dS = P∘(dP − rowsum(dP∘P))}, {@code dQ = dS·K·scale}, {@code dK = dSᵀ·Q·scale}.
 */
final class TrainingAttention {

    private final int heads;
    private final int headSize;
    private final int hidden;
    private final float scale;
    private final Gemm gemm;
    private final MatrixKernel kernel;
    private final ElementwiseKernel elementwise;

    TrainingAttention(int heads, int headSize, Gemm gemm, ElementwiseKernel elementwise) {
        this.heads = heads;
        this.headSize = headSize;
        this.hidden = heads * headSize;
        this.scale = (float) (1 / Math.sqrt(headSize));
        this.gemm = gemm;
        this.kernel = gemm.kernel();
        this.elementwise = elementwise;
    }

    /**
     * The forward pass.
     *
     * @param query queries, {@code [tokens, hidden]}
     * @param key keys, {@code [tokens, hidden]}
     * @param value values, {@code [tokens, hidden]}
     * @param batch the inputs (for the attention mask)
     * @param dropout the dropout mask of the probabilities, {@code [batch, heads, seq, seq]}, or {@code null}
     * @param probabilities receives the softmax probabilities (before dropout), {@code [batch, heads, seq, seq]}
     * @param context receives the context, {@code [tokens, hidden]}
     */
    void forward(float[] query, float[] key, float[] value, Batch batch, float[] dropout, float[] probabilities,
            float[] context) {
        int length = batch.sequenceLength();
        forEachHead(batch, (sequence, origin, square, s) -> {
            int attendedCount = attendedKeys(batch, sequence, s.attended);
            gather(query, origin, length, s.slice);
            multiply(s.slice, PackedMatrix.ofTransposed(key, origin, hidden, length, headSize, kernel.panelWidth(),
                    s.packed), s.square, length);
            for (int i = 0; i < length; i++) {
                MaskedSoftmax.apply(s.square, i * length, length, scale, s.attended, attendedCount, elementwise);
            }
            System.arraycopy(s.square, 0, probabilities, square, length * length);
            if (dropout != null) {
                for (int i = 0; i < length * length; i++) {
                    s.square[i] *= dropout[square + i];
                }
            }
            timesHead(s.square, value, origin, length, s, context);
        });
    }

    /**
     * The backward pass: writes the gradients of the queries, keys and values.
     *
     * @param query queries of the forward pass
     * @param key keys of the forward pass
     * @param value values of the forward pass
     * @param batch the inputs
     * @param dropout the forward pass's dropout mask, or {@code null}
     * @param probabilities the forward pass's probabilities
     * @param dContext gradient of the context, {@code [tokens, hidden]}
     * @param dQuery receives the queries' gradient, {@code [tokens, hidden]}
     * @param dKey receives the keys' gradient
     * @param dValue receives the values' gradient
     */
    void backward(float[] query, float[] key, float[] value, Batch batch, float[] dropout, float[] probabilities,
            float[] dContext, float[] dQuery, float[] dKey, float[] dValue) {
        int length = batch.sequenceLength();
        forEachHead(batch, (sequence, origin, square, s) -> {
            gather(dContext, origin, length, s.slice);
            multiply(s.slice, PackedMatrix.ofTransposed(value, origin, hidden, length, headSize, kernel.panelWidth(),
                    s.packed), s.square, length);
            scoreGradients(s, length, probabilities, dropout, square);
            timesHead(s.transposed, dContext, origin, length, s, dValue);
            timesHead(s.square, key, origin, length, s, dQuery);
            Transpose.all(s.square, length, length, s.transposed);
            timesHead(s.transposed, query, origin, length, s, dKey);
        });
    }

    /**
     * One (sequence, head) task: its sequence, its head's first element in the {@code [tokens, hidden]} layout, its
     * first element in the {@code [batch, heads, seq, seq]} layout, and the running thread's scratch.
     */
    @FunctionalInterface
    private interface HeadTask {
        void run(int sequence, int origin, int square, AttentionScratch scratch);
    }

    private void forEachHead(Batch batch, HeadTask work) {
        int length = batch.sequenceLength();
        gemm.parallel().forEach(batch.size() * heads, task -> {
            int sequence = task / heads;
            work.run(sequence, sequence * length * hidden + (task % heads) * headSize, task * length * length,
                    AttentionScratch.ofThread(length, headSize, kernel.panelWidth()));
        });
    }

    /** {@code out [seq, n] = left [seq, k]·right}. */
    private void multiply(float[] left, PackedMatrix right, float[] out, int length) {
        kernel.multiply(left, right, null, out, 0, length, 0, right.panelCount());
    }

    /**
     * {@code left [seq, seq]} times one head's {@code [seq, headSize]} block of {@code source}, written into the same
     * head's block of {@code target}.
     */
    private void timesHead(float[] left, float[] source, int origin, int length, AttentionScratch s, float[] target) {
        multiply(left, PackedMatrix.of(source, origin, hidden, length, headSize, kernel.panelWidth(), s.packed),
                s.product, length);
        scatter(s.product, length, target, origin);
    }

    /**
     * Turns {@code dP'} in {@code s.square} into {@code dS·scale} in place, and writes {@code P'ᵀ} into
     * {@code s.transposed}. The row sum is taken in double, as the softmax's own sum is.
     */
    private void scoreGradients(AttentionScratch s, int length, float[] probabilities, float[] dropout, int square) {
        for (int i = 0; i < length; i++) {
            int row = i * length;
            double dot = 0;
            for (int j = 0; j < length; j++) {
                float keep = dropout == null ? 1f : dropout[square + row + j];
                float p = probabilities[square + row + j];
                float dP = s.square[row + j] * keep;
                s.square[row + j] = dP;
                s.transposed[j * length + i] = p * keep;
                dot += dP * p;
            }
            for (int j = 0; j < length; j++) {
                float p = probabilities[square + row + j];
                s.square[row + j] = (float) (p * (s.square[row + j] - dot)) * scale;
            }
        }
    }

    private static int attendedKeys(Batch batch, int b, boolean[] attended) {
        int count = 0;
        for (int j = 0; j < batch.sequenceLength(); j++) {
            attended[j] = batch.attended(b, j);
            count += attended[j] ? 1 : 0;
        }
        return count;
    }

    /** Copies one head's {@code [seq, headSize]} block out of the {@code [tokens, hidden]} layout. */
    private void gather(float[] source, int origin, int length, float[] slice) {
        for (int i = 0; i < length; i++) {
            System.arraycopy(source, origin + i * hidden, slice, i * headSize, headSize);
        }
    }

    /** Copies one head's {@code [seq, headSize]} block into the {@code [tokens, hidden]} layout. */
    private void scatter(float[] slice, int length, float[] target, int origin) {
        for (int i = 0; i < length; i++) {
            System.arraycopy(slice, i * headSize, target, origin + i * hidden, headSize);
        }
    }
}
