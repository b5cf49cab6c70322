package io.bertlab.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** The feed-forward activations of HF's {@code hidden_act}, as NDArray functions (autograd-friendly). */
enum FeedForwardActivation {

    /** Exact GELU: {@code x/2 * (1 + erf(x / sqrt 2))}. */
    GELU(x -> Scalars.times(x, 0.5f).mul(Scalars.times(x, (float) (1 / Math.sqrt(2))).erf().add(1f))),

    /** GELU's tanh approximation ({@code gelu_new}, {@code gelu_pytorch_tanh}). */
    GELU_TANH(x -> Scalars.times(x, 0.5f).mul(Scalars.times(Scalars.times(Scalars.power(x, 3f), 0.044715f).add(x),
            (float) Math.sqrt(2 / Math.PI)).tanh().add(1f))),

    /** {@code max(0, x)}. */
    RELU(Activation::relu),

    /** {@code x * sigmoid(x)} ({@code silu}, {@code swish}). */
    SILU(x -> x.mul(Activation.sigmoid(x))),

    /** {@code tanh(x)}. */
    TANH(NDArray::tanh);

    private final UnaryOperator<NDArray> function;

    FeedForwardActivation(UnaryOperator<NDArray> function) {
        this.function = function;
    }

    NDArray apply(NDArray x) {
        return function.apply(x);
    }

    /**
     * The activation an HF {@code hidden_act} names.
     *
     * @param hiddenAct the configuration value
     * @return the activation
     * @throws IllegalArgumentException for names this engine does not implement
     */
    static FeedForwardActivation of(String hiddenAct) {
        return switch (hiddenAct.toLowerCase(Locale.ROOT)) {
            case "gelu" -> GELU;
            case "gelu_new", "gelu_pytorch_tanh", "gelu_fast" -> GELU_TANH;
            case "relu" -> RELU;
            case "silu", "swish" -> SILU;
            case "tanh" -> TANH;
            default -> throw new IllegalArgumentException("hidden_act '" + hiddenAct + "' is not supported (gelu,"
                    + " gelu_new, gelu_pytorch_tanh, gelu_fast, relu, silu, swish, tanh are)");
        };
    }
}
