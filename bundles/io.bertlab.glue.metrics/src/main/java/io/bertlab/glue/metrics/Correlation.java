package io.bertlab.glue.metrics;

/**
 * The Pearson correlation coefficient, computed as SciPy's {@code pearsonr} does it: means first, then the centred
 * vectors, each scaled by its largest magnitude before the sums of products (so that no square overflows or
 * underflows), then clipped to [-1, 1].
 */
final class Correlation {

    private Correlation() {
    }

    /**
     * The Pearson correlation of two vectors.
     *
     * @param x the first vector, at least one value, all finite
     * @param y the second vector, as long
     * @return the coefficient in [-1, 1], or NaN when either vector is constant (a single value included), where the
     *         coefficient is not defined and SciPy returns NaN
     */
    static double pearson(double[] x, double[] y) {
        // The test is exact equality, as SciPy's (x == x[0]).all(): a vector that is constant only up to rounding still
        // has a (noisy) correlation.
        if (isConstant(x) || isConstant(y)) {
            return Double.NaN;
        }
        double[] dx = scaledDeviations(x);
        double[] dy = scaledDeviations(y);
        CompensatedSum xx = new CompensatedSum();
        CompensatedSum yy = new CompensatedSum();
        CompensatedSum xy = new CompensatedSum();
        for (int i = 0; i < x.length; i++) {
            xx.add(dx[i] * dx[i]);
            yy.add(dy[i] * dy[i]);
            xy.add(dx[i] * dy[i]);
        }
        double r = xy.value() / (Math.sqrt(xx.value()) * Math.sqrt(yy.value()));
        // Rounding can push a perfect correlation a few ulps past 1.
        return Math.max(-1.0, Math.min(1.0, r));
    }

    private static boolean isConstant(double[] values) {
        for (double value : values) {
            if (value != values[0]) {
                return false;
            }
        }
        return true;
    }

    /** The deviations from the mean divided by the largest of them (not 0: the vector is not constant). */
    private static double[] scaledDeviations(double[] values) {
        double mean = CompensatedSum.mean(values);
        double[] deviations = new double[values.length];
        double largest = 0;
        for (int i = 0; i < values.length; i++) {
            deviations[i] = values[i] - mean;
            largest = Math.max(largest, Math.abs(deviations[i]));
        }
        for (int i = 0; i < deviations.length; i++) {
            deviations[i] /= largest;
        }
        return deviations;
    }
}
