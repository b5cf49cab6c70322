package io.bertlab.engine.java.train;

import io.bertlab.engine.java.kernel.Gemm;
import io.bertlab.engine.java.kernel.PackedMatrix;
import io.bertlab.engine.java.kernel.Transpose;

/**
 * Dense layers {@code y = x·Wᵀ + b} (HF layout {@code W [out, in]}) forward and backward on the matrix kernel. Weights
 * change every step, so they are packed per call; packing is linear in the weight size, the product is not.
 */
final class DenseOps {

    /** Source rows per transposition task: a few cache-line blocks, enough tasks to share out. */
    private static final int TRANSPOSE_ROWS = 4 * Transpose.BLOCK;

    private final Gemm gemm;

    DenseOps(Gemm gemm) {
        this.gemm = gemm;
    }

    Gemm gemm() {
        return gemm;
    }

    /** {@code y[rows, out] = x[rows, in]·Wᵀ + b}. */
    float[] forward(float[] x, int rows, float[] weight, float[] bias, int out, int in) {
        float[] y = new float[rows * out];
        gemm.multiply(x, rows, PackedMatrix.ofTransposed(weight, out, in, gemm.kernel().panelWidth(), gemm.parallel()),
                bias, y);
        return y;
    }

    /**
     * Backward: accumulates {@code dW += dyᵀ·x} and {@code db += Σ dy}, returns {@code dx = dy·W}.
     *
     * @param dy gradient of the output, {@code [rows, out]}
     * @param x the forward input, {@code [rows, in]}
     * @param rows rows
     * @param weight {@code W [out, in]}
     * @param weightGradient accumulates {@code dW}, or {@code null} to skip it
     * @param biasGradient accumulates {@code db}, or {@code null} to skip it
     * @param out outputs
     * @param in inputs
     * @return {@code dx [rows, in]}
     */
    float[] backward(float[] dy, float[] x, int rows, float[] weight, float[] weightGradient, float[] biasGradient,
            int out, int in) {
        int panel = gemm.kernel().panelWidth();
        float[] dx = new float[rows * in];
        gemm.multiply(dy, rows, PackedMatrix.of(weight, out, in, panel, gemm.parallel()), null, dx);
        if (weightGradient != null) {
            float[] dyT = transpose(dy, rows, out);
            float[] dw = new float[out * in];
            gemm.multiply(dyT, out, PackedMatrix.of(x, rows, in, panel, gemm.parallel()), null, dw);
            gemm.parallel().forEach(out, r -> {
                for (int i = r * in; i < (r + 1) * in; i++) {
                    weightGradient[i] += dw[i];
                }
            });
        }
        if (biasGradient != null) {
            RowChunks.addInOrder(RowChunks.run(gemm.parallel(), rows, out, (from, to, partial) -> {
                for (int r = from; r < to; r++) {
                    for (int j = 0; j < out; j++) {
                        partial[j] += dy[r * out + j];
                    }
                }
            }), 0, biasGradient);
        }
        return dx;
    }

    /** {@code mᵀ}, blocks of rows on the compute threads. */
    private float[] transpose(float[] m, int rows, int columns) {
        float[] t = new float[m.length];
        int blocks = (rows + TRANSPOSE_ROWS - 1) / TRANSPOSE_ROWS;
        gemm.parallel().forEach(blocks, block -> Transpose.rows(m, rows, columns, t, block * TRANSPOSE_ROWS,
                Math.min(rows, (block + 1) * TRANSPOSE_ROWS)));
        return t;
    }
}
