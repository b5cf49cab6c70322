package io.bertlab.engine.java;

/**
 * Layer normalisation of rows, optionally of the sum of two inputs (the residual connection), with statistics
 * accumulated in double.
 *
 * @param gamma the scale, length {@code width}
 * @param beta the shift, length {@code width}
 * @param eps added to the variance
 */
record LayerNorm(float[] gamma, float[] beta, double eps) {

    /**
     * Normalises rows {@code [from, to)} of {@code x + residual} into {@code out}.
     *
     * @param x the input, row-major {@code [rows, width]}
     * @param residual added to {@code x} first, same shape, or {@code null}
     * @param out the output, same shape (may be {@code x})
     * @param from first row
     * @param to end row (exclusive)
     */
    void apply(float[] x, float[] residual, float[] out, int from, int to) {
        int width = gamma.length;
        for (int r = from; r < to; r++) {
            int base = r * width;
            float[] source = x;
            if (residual != null) {
                for (int j = 0; j < width; j++) {
                    out[base + j] = x[base + j] + residual[base + j];
                }
                source = out;
            }
            double mean = RowStatistics.mean(source, base, width);
            double inverseStd = RowStatistics.inverseStd(source, base, width, mean, eps);
            for (int j = 0; j < width; j++) {
                out[base + j] = (float) ((source[base + j] - mean) * inverseStd * gamma[j] + beta[j]);
            }
        }
    }
}
