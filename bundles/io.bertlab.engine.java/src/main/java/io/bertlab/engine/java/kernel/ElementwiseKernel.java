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
}
