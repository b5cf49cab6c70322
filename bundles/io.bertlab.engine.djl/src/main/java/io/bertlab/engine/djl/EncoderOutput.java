package io.bertlab.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * What one encoder pass computed, as NDArrays of the pass's scope.
 *
 * @param lastHiddenState {@code [batch, seq, hidden]}
 * @param pooledOutput {@code [batch, hidden]}, or {@code null} without a pooler
 * @param hiddenStates the embeddings output then every layer's output, when requested; else empty
 * @param attentions every layer's attention probabilities {@code [batch, heads, seq, seq]}, when requested; else empty
 */
record EncoderOutput(NDArray lastHiddenState, NDArray pooledOutput, List<NDArray> hiddenStates,
        List<NDArray> attentions) {
}
