package io.bertlab.api.model;

/** The loss a head is trained with. */
public enum Loss {
    /** Softmax cross-entropy over the head's logits, averaged over the examples (or unmasked tokens). */
    CROSS_ENTROPY,
    /** Mean squared error between the head's single output and the target value. */
    MEAN_SQUARED_ERROR
}
