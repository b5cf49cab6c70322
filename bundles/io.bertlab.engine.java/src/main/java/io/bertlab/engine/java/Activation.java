package io.bertlab.engine.java;

import io.bertlab.engine.java.kernel.ElementwiseKernel;
import io.bertlab.engine.java.kernel.ScalarElementwise;
import java.util.Locale;

/** The feed-forward activations of HF's {@code hidden_act}. */
public enum Activation {
    /** {@code gelu}: exact, {@code x·Φ(x)} with the error function. */
    GELU,
    /** {@code gelu_new}, {@code gelu_pytorch_tanh}: the tanh approximation of GELU. */
    GELU_TANH,
    /** {@code relu}. */
    RELU,
    /** {@code silu}, {@code swish}: {@code x·sigmoid(x)}. */
    SILU;

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

    /**
     * The activation HF names so.
     *
     * @param hfName the {@code hidden_act} value
     * @return the activation, or {@code null} when unknown
     */
    public static Activation fromHfName(String hfName) {
        return switch (hfName.toLowerCase(Locale.ROOT)) {
            case "gelu" -> GELU;
            case "gelu_new", "gelu_pytorch_tanh", "gelu_fast" -> GELU_TANH;
            case "relu" -> RELU;
            case "silu", "swish" -> SILU;
            default -> null;
        };
    }

    /**
     * Applies the activation in place.
     *
     * @param values the array
     * @param from first index
     * @param to end index (exclusive)
     * @param kernel the element-wise kernel (for GELU)
     */
    public void applyInPlace(float[] values, int from, int to, ElementwiseKernel kernel) {
        switch (this) {
            case GELU -> kernel.gelu(values, from, to);
            case GELU_TANH -> {
                for (int i = from; i < to; i++) {
                    double x = values[i];
                    values[i] = (float) (0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x * x * x))));
                }
            }
            case RELU -> {
                for (int i = from; i < to; i++) {
                    values[i] = Math.max(0f, values[i]);
                }
            }
            case SILU -> {
                for (int i = from; i < to; i++) {
                    double x = values[i];
                    values[i] = (float) (x / (1 + Math.exp(-x)));
                }
            }
        }
    }

    /**
     * Backward through the activation: {@code gradient[i] *= derivative(input[i])} for {@code i} in
     * {@code [from, to)}.
     *
     * @param input the activation's inputs
     * @param gradient the gradient of its outputs, turned into that of its inputs
     * @param from first index
     * @param to end index (exclusive)
     * @param kernel the element-wise kernel (for GELU)
     */
    public void backwardInPlace(float[] input, float[] gradient, int from, int to, ElementwiseKernel kernel) {
        if (this == GELU) {
            kernel.geluBackward(input, gradient, from, to);
            return;
        }
        for (int i = from; i < to; i++) {
            gradient[i] *= (float) derivative(input[i]);
        }
    }

    /**
     * The derivative at {@code x}, for backward passes.
     *
     * @param x the activation's input
     * @return d activation / dx
     */
    public double derivative(double x) {
        return switch (this) {
            case GELU -> ScalarElementwise.geluDerivative(x);
            case GELU_TANH -> {
                double inner = SQRT_2_OVER_PI * (x + 0.044715 * x * x * x);
                double tanh = Math.tanh(inner);
                yield 0.5 * (1 + tanh) + 0.5 * x * (1 - tanh * tanh) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * x * x);
            }
            case RELU -> x > 0 ? 1 : 0;
            case SILU -> {
                double sigmoid = 1 / (1 + Math.exp(-x));
                yield sigmoid * (1 + x * (1 - sigmoid));
            }
        };
    }
}
