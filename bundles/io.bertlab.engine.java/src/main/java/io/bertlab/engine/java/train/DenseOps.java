package io.bertlab.engine.java.train;

import io.bertlab.engine.java.kernel.Gemm;
import io.bertlab.engine.java.kernel.PackedMatrix;

/**
 * Dense layers {@code y = x·Wᵀ + b} (HF layout {@code W [out, in]}) forward and backward on the matrix kernel. Weights
 * change every step, so they are packed per call; packing is linear in the weight size, the product is not.
 */
final class DenseOps {

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
        gemm.multiply(x, rows, PackedMatrix.ofTransposed(weight, out, in, gemm.kernel().panelWidth()), bias, y);
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
        gemm.multiply(dy, rows, PackedMatrix.of(weight, out, in, panel), null, dx);
        if (weightGradient != null) {
            float[] dyT = transpose(dy, rows, out);
            float[] dw = new float[out * in];
            gemm.multiply(dyT, out, PackedMatrix.of(x, rows, in, panel), null, dw);
            for (int i = 0; i < dw.length; i++) {
                weightGradient[i] += dw[i];
            }
        }
        if (biasGradient != null) {
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < out; j++) {
                    biasGradient[j] += dy[r * out + j];
                }
            }
        }
        return dx;
    }

    static float[] transpose(float[] m, int rows, int columns) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                t[c * rows + r] = m[r * columns + c];
            }
        }
        return t;
    }
}
