package io.bertlab.api.model;

/**
 * What a forward pass returns besides the last hidden state and the pooled output.
 *
 * @param hiddenStates whether to return every layer's hidden states (the embeddings output first)
 * @param attentions whether to return every layer's attention probabilities
 */
public record ForwardOptions(boolean hiddenStates, boolean attentions) {

    /** Only the last hidden state and the pooled output. */
    public static final ForwardOptions DEFAULT = new ForwardOptions(false, false);

    /** Everything: all hidden states and all attention probabilities. */
    public static final ForwardOptions ALL = new ForwardOptions(true, true);
}
