package io.bertlab.api.model;

import java.util.Objects;

/**
 * The architecture of a BERT encoder, with the fields (and meanings) of HuggingFace's {@code BertConfig} as stored in
 * {@code config.json}.
 *
 * @param vocabSize {@code vocab_size}: rows of the word embedding matrix
 * @param hiddenSize {@code hidden_size}: width of every hidden state
 * @param numHiddenLayers {@code num_hidden_layers}: number of encoder layers
 * @param numAttentionHeads {@code num_attention_heads}: heads per self-attention; divides {@code hiddenSize}
 * @param intermediateSize {@code intermediate_size}: width of the feed-forward layer
 * @param hiddenAct {@code hidden_act}: the feed-forward activation, e.g. {@code gelu} (exact, erf),
 *        {@code gelu_new} (tanh approximation), {@code relu}
 * @param hiddenDropoutProb {@code hidden_dropout_prob}: dropout on embeddings and sub-layer outputs in training
 * @param attentionProbsDropoutProb {@code attention_probs_dropout_prob}: dropout on attention probabilities in training
 * @param maxPositionEmbeddings {@code max_position_embeddings}: the longest sequence the model accepts
 * @param typeVocabSize {@code type_vocab_size}: number of token types (segments)
 * @param initializerRange {@code initializer_range}: standard deviation for initialising new weights (heads)
 * @param layerNormEps {@code layer_norm_eps}: epsilon of every LayerNorm
 */
public record ModelConfig(
        int vocabSize,
        int hiddenSize,
        int numHiddenLayers,
        int numAttentionHeads,
        int intermediateSize,
        String hiddenAct,
        double hiddenDropoutProb,
        double attentionProbsDropoutProb,
        int maxPositionEmbeddings,
        int typeVocabSize,
        double initializerRange,
        double layerNormEps) {

    /**
     * Validates the fields; the message names the HF field at fault.
     *
     * @param vocabSize see the record description
     * @param hiddenSize see the record description
     * @param numHiddenLayers see the record description
     * @param numAttentionHeads see the record description
     * @param intermediateSize see the record description
     * @param hiddenAct see the record description
     * @param hiddenDropoutProb see the record description
     * @param attentionProbsDropoutProb see the record description
     * @param maxPositionEmbeddings see the record description
     * @param typeVocabSize see the record description
     * @param initializerRange see the record description
     * @param layerNormEps see the record description
     */
    public ModelConfig {
        positive("vocab_size", vocabSize);
        positive("hidden_size", hiddenSize);
        positive("num_hidden_layers", numHiddenLayers);
        positive("num_attention_heads", numAttentionHeads);
        positive("intermediate_size", intermediateSize);
        positive("max_position_embeddings", maxPositionEmbeddings);
        positive("type_vocab_size", typeVocabSize);
        Objects.requireNonNull(hiddenAct, "hidden_act");
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize
                    + " must be a multiple of num_attention_heads " + numAttentionHeads);
        }
        probability("hidden_dropout_prob", hiddenDropoutProb);
        probability("attention_probs_dropout_prob", attentionProbsDropoutProb);
        if (!(layerNormEps > 0)) {
            throw new IllegalArgumentException("layer_norm_eps must be positive, was " + layerNormEps);
        }
        if (!(initializerRange >= 0)) {
            throw new IllegalArgumentException("initializer_range must not be negative, was " + initializerRange);
        }
    }

    /**
     * The width of one attention head.
     *
     * @return {@code hiddenSize / numAttentionHeads}
     */
    public int headSize() {
        return hiddenSize / numAttentionHeads;
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be positive, was " + value);
        }
    }

    private static void probability(String field, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(field + " must be in [0, 1), was " + value);
        }
    }
}
