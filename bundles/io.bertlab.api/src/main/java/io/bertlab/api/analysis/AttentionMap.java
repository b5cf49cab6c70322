package io.bertlab.api.analysis;

import io.bertlab.api.model.Tensor;
import java.util.Objects;

/**
 * The attention probabilities of every layer and head for one input, with its tokens.
 *
 * <p>{@link #weights()} has shape {@code [layers, heads, length, length]}; row {@code from} of a head sums to 1
 * over the attended positions.
 */
public final class AttentionMap {

    private final String[] tokens;
    private final int sentenceBStart;
    private final Tensor weights;

    /**
     * Creates a map.
     *
     * @param tokens the tokens of the input, special tokens included
     * @param sentenceBStart the index of the first token of segment B, or {@code -1} for a single segment
     * @param weights {@code [layers, heads, tokens.length, tokens.length]}
     * @throws IllegalArgumentException when the shapes disagree
     */
    public AttentionMap(String[] tokens, int sentenceBStart, Tensor weights) {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(weights, "weights");
        if (weights.rank() != 4 || weights.dim(2) != tokens.length || weights.dim(3) != tokens.length) {
            throw new IllegalArgumentException("attention weights must be [layers, heads, " + tokens.length + ", "
                    + tokens.length + "], got " + java.util.Arrays.toString(weights.shape()));
        }
        this.tokens = tokens.clone();
        this.sentenceBStart = sentenceBStart;
        this.weights = weights;
    }

    /** @return a copy of the tokens */
    public String[] tokens() {
        return tokens.clone();
    }

    /** @return the first token of segment B, or {@code -1} */
    public int sentenceBStart() {
        return sentenceBStart;
    }

    /** @return the weights, {@code [layers, heads, length, length]} */
    public Tensor weights() {
        return weights;
    }

    /** @return the number of layers */
    public int layers() {
        return weights.dim(0);
    }

    /** @return the number of heads per layer */
    public int heads() {
        return weights.dim(1);
    }

    /**
     * One attention probability.
     *
     * @param layer the layer
     * @param head the head
     * @param from the attending token
     * @param to the attended token
     * @return the probability
     */
    public float weight(int layer, int head, int from, int to) {
        return weights.get(layer, head, from, to);
    }
}
