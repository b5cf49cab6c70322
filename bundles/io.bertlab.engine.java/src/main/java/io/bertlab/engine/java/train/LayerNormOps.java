package io.bertlab.engine.java.train;

import io.bertlab.engine.java.RowStatistics;
import io.bertlab.engine.java.kernel.Parallel;

/**
 * LayerNorm over rows, keeping what backward needs (normalised values and inverse standard deviations). Rows are
 * independent and run on the compute threads; the parameter gradients are summed in {@link RowChunks}.
 */
final class LayerNormOps {

    /**
     * A forward pass's saved state.
     *
     * @param normalized {@code (x - mean)/std}, {@code [rows, width]}
     * @param inverseStd {@code 1/std} per row
     * @param output {@code normalized·gamma + beta}
     */
    record Saved(float[] normalized, float[] inverseStd, float[] output) {
    }

    private LayerNormOps() {
    }

    static Saved forward(float[] x, int rows, int width, float[] gamma, float[] beta, double eps, Parallel parallel) {
        float[] normalized = new float[rows * width];
        float[] inverseStd = new float[rows];
        float[] out = new float[rows * width];
        parallel.forEachRange(rows, RowChunks.ROWS, (from, to) -> {
            for (int r = from; r < to; r++) {
                int base = r * width;
                double mean = RowStatistics.mean(x, base, width);
                double inv = RowStatistics.inverseStd(x, base, width, mean, eps);
                inverseStd[r] = (float) inv;
                for (int j = 0; j < width; j++) {
                    float n = (float) ((x[base + j] - mean) * inv);
                    normalized[base + j] = n;
                    out[base + j] = n * gamma[j] + beta[j];
                }
            }
        });
        return new Saved(normalized, inverseStd, out);
    }

    /** Accumulates {@code dgamma}, {@code dbeta}; returns {@code dx}. */
    static float[] backward(float[] dy, Saved saved, int rows, int width, float[] gamma, float[] gammaGradient,
            float[] betaGradient, Parallel parallel) {
        float[] dx = new float[rows * width];
        float[] n = saved.normalized();
        float[][] partials = RowChunks.run(parallel, rows, 2 * width, (from, to, partial) -> {
            for (int r = from; r < to; r++) {
                int base = r * width;
                double sumDn = 0;
                double sumDnN = 0;
                for (int j = 0; j < width; j++) {
                    double dn = dy[base + j] * gamma[j];
                    sumDn += dn;
                    sumDnN += dn * n[base + j];
                    partial[j] += dy[base + j] * n[base + j];
                    partial[width + j] += dy[base + j];
                }
                double inv = saved.inverseStd()[r];
                for (int j = 0; j < width; j++) {
                    double dn = dy[base + j] * gamma[j];
                    dx[base + j] = (float) (inv * (dn - sumDn / width - n[base + j] * sumDnN / width));
                }
            }
        });
        RowChunks.addInOrder(partials, 0, gammaGradient);
        RowChunks.addInOrder(partials, width, betaGradient);
        return dx;
    }
}
