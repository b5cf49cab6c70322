package io.bertlab.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;

/**
 * Operations of an array with a constant, safe inside computations that autograd records.
 *
 * <p>DJL's PyTorch {@code mul(Number)}, {@code div(Number)}, {@code maximum(Number)} and {@code pow(Number)} wrap the
 * constant in a temporary tensor over a direct buffer and close it as soon as the call returns; PyTorch's autograd
 * keeps that tensor for the backward pass (the gradient of {@code x·c} is {@code grad·c}). Once the garbage collector
 * frees the closed buffer, backward reads freed memory: wrong gradients, and NaN losses under memory pressure. Here
 * the constant is an array of the operand's manager, registered in the current scope like every other array of the
 * computation, so it lives until the computation ends, after backward. MXNet passes constants as operator
 * parameters, not arrays, so its arrays keep DJL's own methods.
 */
final class Scalars {

    private Scalars() {
    }

    /** {@code x · c}. */
    static NDArray times(NDArray x, float c) {
        return x instanceof PtNDArray ? x.mul(constant(x, c)) : x.mul(c);
    }

    /** {@code x / c}. */
    static NDArray dividedBy(NDArray x, float c) {
        return x instanceof PtNDArray ? x.div(constant(x, c)) : x.div(c);
    }

    /** {@code max(x, c)} element-wise. */
    static NDArray atLeast(NDArray x, float c) {
        return x instanceof PtNDArray ? x.maximum(constant(x, c)) : x.maximum(c);
    }

    /** {@code x^c} element-wise. */
    static NDArray power(NDArray x, float c) {
        return x instanceof PtNDArray ? x.pow(constant(x, c)) : x.pow(c);
    }

    private static NDArray constant(NDArray like, float c) {
        return like.getManager().create(c);
    }
}
