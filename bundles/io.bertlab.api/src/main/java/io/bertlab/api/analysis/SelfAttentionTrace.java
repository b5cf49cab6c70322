package io.bertlab.api.analysis;

import io.bertlab.api.model.Tensor;
import java.util.Objects;

/**
 * Every intermediate value of one multi-head self-attention, for teaching (e.g. sequence length 3, dimension 8,
 * 2 heads). Shapes use {@code n} tokens, model width {@code d}, {@code h} heads of width {@code d / h}.
 *
 * @param input the token vectors, {@code [n, d]}
 * @param queries Q per head, {@code [h, n, d/h]}
 * @param keys K per head, {@code [h, n, d/h]}
 * @param values V per head, {@code [h, n, d/h]}
 * @param scores {@code Q K^T / sqrt(d/h)} per head, {@code [h, n, n]}
 * @param probabilities the row-wise softmax of the scores, {@code [h, n, n]}
 * @param headOutputs the probability-weighted averages of V, {@code [h, n, d/h]}
 * @param output the concatenated heads after the output projection, {@code [n, d]}
 */
public record SelfAttentionTrace(Tensor input, Tensor queries, Tensor keys, Tensor values, Tensor scores,
        Tensor probabilities, Tensor headOutputs, Tensor output) {

    /**
     * Checks that every step is present.
     *
     * @param input input
     * @param queries queries
     * @param keys keys
     * @param values values
     * @param scores scores
     * @param probabilities probabilities
     * @param headOutputs head outputs
     * @param output output
     */
    public SelfAttentionTrace {
        Objects.requireNonNull(input);
        Objects.requireNonNull(queries);
        Objects.requireNonNull(keys);
        Objects.requireNonNull(values);
        Objects.requireNonNull(scores);
        Objects.requireNonNull(probabilities);
        Objects.requireNonNull(headOutputs);
        Objects.requireNonNull(output);
    }
}
