package io.bertlab.api.model;

import java.util.List;
import java.util.Objects;

/**
 * The outputs of an encoder forward pass, with HuggingFace's meanings.
 *
 * @param lastHiddenState the final layer's output, {@code [batch, sequence, hidden]}
 * @param pooledOutput the pooler's output (tanh dense on the first token), {@code [batch, hidden]}, or {@code null}
 *        when the checkpoint has no pooler (graphs exported for the hidden states only leave it out)
 * @param hiddenStates when requested, {@code numHiddenLayers + 1} tensors {@code [batch, sequence, hidden]}: the
 *        embeddings output, then each layer's output; otherwise empty
 * @param attentions when requested, {@code numHiddenLayers} tensors {@code [batch, heads, sequence, sequence]} of
 *        attention probabilities (rows sum to 1 over attended keys); otherwise empty
 */
public record ForwardResult(Tensor lastHiddenState, Tensor pooledOutput, List<Tensor> hiddenStates,
        List<Tensor> attentions) {

    /**
     * Validates and copies the fields.
     *
     * @param lastHiddenState see the record description
     * @param pooledOutput see the record description
     * @param hiddenStates see the record description
     * @param attentions see the record description
     */
    public ForwardResult {
        Objects.requireNonNull(lastHiddenState, "lastHiddenState");
        hiddenStates = List.copyOf(hiddenStates);
        attentions = List.copyOf(attentions);
    }

    /**
     * Whether the model computed a pooled output.
     *
     * @return true when {@link #pooledOutput()} is not {@code null}
     */
    public boolean hasPooledOutput() {
        return pooledOutput != null;
    }
}
