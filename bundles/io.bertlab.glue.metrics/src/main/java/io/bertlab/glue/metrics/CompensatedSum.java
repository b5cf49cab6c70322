package io.bertlab.glue.metrics;

/**
 * A sum of doubles with Neumaier's compensation: the rounding error of each addition is carried along and added back
 * at the end, so that the result does not drift with the number of terms (a plain loop loses about n·ε relative; this
 * one stays within a few ε, as good as NumPy's pairwise summation or better).
 */
final class CompensatedSum {

    private double sum;
    private double compensation;

    /**
     * Adds one term.
     *
     * @param value the term
     */
    void add(double value) {
        double t = sum + value;
        // Whichever operand is larger in magnitude lost the low-order bits of the other.
        if (Math.abs(sum) >= Math.abs(value)) {
            compensation += (sum - t) + value;
        } else {
            compensation += (value - t) + sum;
        }
        sum = t;
    }

    /** @return the sum of the terms added */
    double value() {
        return sum + compensation;
    }

    /**
     * The mean of values.
     *
     * @param values at least one value
     * @return their mean
     */
    static double mean(double[] values) {
        CompensatedSum sum = new CompensatedSum();
        for (double value : values) {
            sum.add(value);
        }
        return sum.value() / values.length;
    }
}
