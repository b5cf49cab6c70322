package io.bertlab.engine.java.kernel;

/** Element-wise functions in plain Java, for JVMs without the Vector API. */
public final class ScalarElementwise implements ElementwiseKernel {

    private static final double SQRT_HALF = Math.sqrt(0.5);

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
}
