package io.bertlab.engine.java.kernel;

/**
 * AdamW's element-wise update (Loshchilov &amp; Hutter, bias-corrected moments as in {@code torch.optim.AdamW}):
 * {@code m = β1·m + (1−β1)·g}, {@code v = β2·v + (1−β2)·g²} (both stored as float), then
 * {@code θ −= rate·((m/c1)/(√(v/c2) + ε) + decay·θ)}, in double. Implementations round every element identically.
 */
public interface AdamWKernel {

    /**
     * Updates elements {@code [from, to)} of one parameter.
     *
     * @param step the coefficients
     * @param values the parameter, updated in place
     * @param gradient its gradient
     * @param first its first moment, updated in place
     * @param second its second moment, updated in place
     * @param from first element
     * @param to end element (exclusive)
     */
    void update(AdamWStep step, float[] values, float[] gradient, float[] first, float[] second, int from, int to);
}
