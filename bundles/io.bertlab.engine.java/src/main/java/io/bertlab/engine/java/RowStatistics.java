package io.bertlab.engine.java;

/**
 * Mean and inverse standard deviation of one row, in double: layer normalisation's statistics, shared by the
 * forward pass and the training pass so that both normalise with the same arithmetic.
 */
public final class RowStatistics {

    private RowStatistics() {
    }

    /**
     * The mean of {@code x[base, base + width)}.
     *
     * @param x the values
     * @param base the row's first index
     * @param width the row's length
     * @return the mean
     */
    public static double mean(float[] x, int base, int width) {
        double sum = 0;
        for (int j = 0; j < width; j++) {
            sum += x[base + j];
        }
        return sum / width;
    }

    /**
     * {@code 1 / sqrt(variance + eps)}, the population variance of the row around {@code mean}.
     *
     * @param x the values
     * @param base the row's first index
     * @param width the row's length
     * @param mean the row's mean
     * @param eps added to the variance
     * @return the inverse standard deviation
     */
    public static double inverseStd(float[] x, int base, int width, double mean, double eps) {
        double squares = 0;
        for (int j = 0; j < width; j++) {
            double d = x[base + j] - mean;
            squares += d * d;
        }
        return 1 / Math.sqrt(squares / width + eps);
    }
}
