package io.bertlab.api.model;

import java.util.Objects;

/**
 * A selected output score and its gradient with respect to the input (word) embeddings, as Integrated Gradients
 * needs it.
 *
 * @param scores the selected score per example, {@code [batch]}
 * @param gradient d score / d embedding per example, {@code [batch, sequence, hidden]}
 */
public record EmbeddingGradient(Tensor scores, Tensor gradient) {

    /**
     * Validates the fields.
     *
     * @param scores see the record description
     * @param gradient see the record description
     */
    public EmbeddingGradient {
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(gradient, "gradient");
    }
}
