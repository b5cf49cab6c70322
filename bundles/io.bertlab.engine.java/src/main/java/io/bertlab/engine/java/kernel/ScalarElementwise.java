package io.bertlab.engine.java.kernel;

/** Element-wise functions in plain Java, for JVMs without the Vector API. */
public final class ScalarElementwise implements ElementwiseKernel {

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double INVERSE_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    @Override
    public void exp(float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            values[i] = (float) Math.exp(values[i]);
        }
    }

    @Override
    public void gelu(float[] values, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = values[i];
            values[i] = (float) (0.5 * x * (1 + Erf.erf(x * SQRT_HALF)));
        }
    }

    @Override
    public void geluBackward(float[] input, float[] gradient, int from, int to) {
        for (int i = from; i < to; i++) {
            gradient[i] *= (float) geluDerivative(input[i]);
        }
    }

    /**
     * The derivative of exact GELU, {@code Φ(x) + x·φ(x)}.
     *
     * @param x the argument
     * @return {@code GELU'(x)}
     */
    public static double geluDerivative(double x) {
        double cdf = 0.5 * (1 + Erf.erf(x * SQRT_HALF));
        return cdf + x * Math.exp(-0.5 * x * x) * INVERSE_SQRT_2PI;
    }
}
