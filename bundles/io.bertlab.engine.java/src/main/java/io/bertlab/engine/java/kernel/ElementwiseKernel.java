package io.bertlab.engine.java.kernel;

/**
 * Element-wise transcendental functions over array ranges, in place. {@link Math#exp} costs ~15 ns a call, which
 * over the 75 million exponentials of a MiniLM batch (softmax and GELU) would take a third of the forward pass; the
 * Vector API version takes under 1 ns an element.
 */
public interface ElementwiseKernel {

    /**
     * {@code v[i] = exp(v[i])} for {@code i} in {@code [from, to)}.
     *
     * @param values the array
     * @param from first index
     * @param to end index (exclusive)
     */
    void exp(float[] values, int from, int to);

    /**
     * Exact GELU, {@code v[i] = v[i]·Φ(v[i]) = 0.5·v[i]·(1 + erf(v[i]/√2))}, for {@code i} in {@code [from, to)}.
     *
     * @param values the array
     * @param from first index
     * @param to end index (exclusive)
     */
    void gelu(float[] values, int from, int to);

    /**
     * Backward through exact GELU: {@code g[i] *= GELU'(x[i]) = Φ(x[i]) + x[i]·φ(x[i])} for {@code i} in
     * {@code [from, to)}, with {@code φ} the standard normal density.
     *
     * @param input the activation's inputs {@code x}
     * @param gradient the gradient of the activation's outputs, turned into that of its inputs
     * @param from first index
     * @param to end index (exclusive)
     */
    void geluBackward(float[] input, float[] gradient, int from, int to);
}
