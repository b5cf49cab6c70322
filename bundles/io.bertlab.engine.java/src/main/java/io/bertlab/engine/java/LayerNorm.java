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
            double sum = 0;
            for (int j = 0; j < width; j++) {
                sum += source[base + j];
            }
            double mean = sum / width;
            double squares = 0;
            for (int j = 0; j < width; j++) {
                double d = source[base + j] - mean;
                squares += d * d;
            }
            double inverseStd = 1 / Math.sqrt(squares / width + eps);
            for (int j = 0; j < width; j++) {
                out[base + j] = (float) ((source[base + j] - mean) * inverseStd * gamma[j] + beta[j]);
            }
        }
    }
}
