package io.bertlab.engine.java.kernel;

/**
 * The error function, which {@link Math} lacks, by the Chebyshev fit of {@code erfc} of Numerical Recipes (2nd ed.,
 * §6.2): fractional error below 1.2e-7 everywhere, below float resolution for GELU. The coefficients are shared by
 * the scalar and vector kernels.
 */
public final class Erf {

    /** Coefficients of the polynomial in {@code t = 1/(1 + |x|/2)}, lowest order first. */
    static final double[] COEFFICIENTS = {-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807,
        -1.13520398, 1.48851587, -0.82215223, 0.17087277};

    private Erf() {
    }

    /**
     * {@code erf(x)}.
     *
     * @param x the argument
     * @return the error function at {@code x}
     */
    public static double erf(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double polynomial = COEFFICIENTS[COEFFICIENTS.length - 1];
        for (int i = COEFFICIENTS.length - 2; i >= 0; i--) {
            polynomial = COEFFICIENTS[i] + t * polynomial;
        }
        double erfc = t * Math.exp(-z * z + polynomial);
        return x >= 0 ? 1 - erfc : erfc - 1;
    }
}
