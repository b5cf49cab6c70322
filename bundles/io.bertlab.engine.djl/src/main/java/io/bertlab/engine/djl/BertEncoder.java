package io.bertlab.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertParameterNames.Dense;
import java.util.ArrayList;
import java.util.List;

/**
 * The BERT encoder as HF's {@code BertModel} computes it, on NDArrays so that DJL's autograd can differentiate it:
 * embeddings (word + position + token type, LayerNorm, dropout), then per layer multi-head self-attention with the
 * additive mask, output projection, residual and LayerNorm, the feed-forward block with its activation, residual and
 * LayerNorm; finally the pooler ({@code tanh} dense on the first token) when the checkpoint has one. Dense weights
 * stay in HF's {@code [out, in]} layout: the engines' {@code linear} takes them as they are.
 */
final class BertEncoder {

    private final ModelConfig config;
    private final FeedForwardActivation activation;
    private final float layerNormEps;
    private final float attentionScale;

    BertEncoder(ModelConfig config) {
        this.config = config;
        this.activation = FeedForwardActivation.of(config.hiddenAct());
        this.layerNormEps = (float) config.layerNormEps();
        this.attentionScale = (float) (1 / Math.sqrt(config.headSize()));
    }

    ModelConfig config() {
        return config;
    }

    FeedForwardActivation activation() {
        return activation;
    }

    /** Looks up the word embeddings of the batch's tokens, {@code [batch, seq, hidden]}. */
    NDArray wordEmbeddings(ParameterSet parameters, EncoderInputs inputs) {
        return lookup(parameters.get(BertParameterNames.WORD_EMBEDDINGS), inputs.inputIds());
    }

    /**
     * Runs the encoder from word embeddings.
     *
     * @param parameters the encoder's (and optionally the pooler's) parameters
     * @param inputs the batch (positions, token types, mask)
     * @param words word embeddings {@code [batch, seq, hidden]}, looked up or given
     * @param training whether dropout is active
     * @param keepHiddenStates whether to return every layer's output
     * @param keepAttentions whether to return every layer's attention probabilities
     */
    EncoderOutput encode(ParameterSet parameters, EncoderInputs inputs, NDArray words, boolean training,
            boolean keepHiddenStates, boolean keepAttentions) {
        NDArray hidden = words
                .add(lookup(parameters.get(BertParameterNames.POSITION_EMBEDDINGS), inputs.positionIds()))
                .add(lookup(parameters.get(BertParameterNames.TOKEN_TYPE_EMBEDDINGS), inputs.tokenTypeIds()));
        hidden = dropout(layerNorm(parameters, BertParameterNames.EMBEDDINGS_LAYER_NORM, hidden),
                config.hiddenDropoutProb(), training);
        List<NDArray> hiddenStates = new ArrayList<>();
        List<NDArray> attentions = new ArrayList<>();
        if (keepHiddenStates) {
            hiddenStates.add(hidden);
        }
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            BertParameterNames.Layer names = BertParameterNames.layer(i);
            NDArray[] attention = selfAttention(parameters, names, hidden, inputs, training);
            if (keepAttentions) {
                attentions.add(attention[1]);
            }
            NDArray attended = layerNorm(parameters, names.attentionLayerNorm(),
                    dropout(dense(parameters, names.attentionOutput(), attention[0]), config.hiddenDropoutProb(),
                            training).add(hidden));
            NDArray intermediate = activation.apply(dense(parameters, names.intermediate(), attended));
            hidden = layerNorm(parameters, names.outputLayerNorm(),
                    dropout(dense(parameters, names.output(), intermediate), config.hiddenDropoutProb(), training)
                            .add(attended));
            if (keepHiddenStates) {
                hiddenStates.add(hidden);
            }
        }
        NDArray pooled = null;
        if (parameters.contains(BertParameterNames.POOLER.weight())) {
            pooled = dense(parameters, BertParameterNames.POOLER, hidden.get(new NDIndex(":, 0, :"))).tanh();
        }
        return new EncoderOutput(hidden, pooled, hiddenStates, attentions);
    }

    /**
     * Scaled dot-product attention over all heads at once: {@code [batch * heads, seq, headSize]} batches, the mask
     * added to the scores before the softmax.
     *
     * @return the context {@code [batch, seq, hidden]} and the probabilities {@code [batch, heads, seq, seq]}
     */
    private NDArray[] selfAttention(ParameterSet parameters, BertParameterNames.Layer names, NDArray hidden,
            EncoderInputs inputs, boolean training) {
        int batch = inputs.batchSize();
        int length = inputs.sequenceLength();
        int heads = config.numAttentionHeads();
        int headSize = config.headSize();
        NDArray query = splitHeads(dense(parameters, names.query(), hidden), batch, length, heads, headSize);
        NDArray key = splitHeads(dense(parameters, names.key(), hidden), batch, length, heads, headSize);
        NDArray value = splitHeads(dense(parameters, names.value(), hidden), batch, length, heads, headSize);
        NDArray scores = Scalars.times(query.matMul(key.transpose(0, 2, 1)), attentionScale)
                .reshape(batch, heads, length, length)
                .add(inputs.attentionBias());
        NDArray probabilities = scores.softmax(-1);
        NDArray dropped = dropout(probabilities, config.attentionProbsDropoutProb(), training);
        NDArray context = dropped.reshape(batch * heads, length, length).matMul(value)
                .reshape(batch, heads, length, headSize)
                .transpose(0, 2, 1, 3)
                .reshape(batch, length, heads * headSize);
        return new NDArray[] {context, probabilities};
    }

    private static NDArray splitHeads(NDArray x, int batch, int length, int heads, int headSize) {
        return x.reshape(batch, length, heads, headSize).transpose(0, 2, 1, 3).reshape(batch * heads, length, headSize);
    }

    /** {@code x · Wᵀ + b} with HF's {@code [out, in]} weight. */
    static NDArray dense(ParameterSet parameters, Dense names, NDArray x) {
        return Linear.linear(x, parameters.get(names.weight()), parameters.get(names.bias())).singletonOrThrow();
    }

    NDArray layerNorm(ParameterSet parameters, Dense names, NDArray x) {
        NDArray gamma = parameters.get(names.weight());
        return LayerNorm.layerNorm(x, new Shape(gamma.getShape().get(0)), gamma, parameters.get(names.bias()),
                layerNormEps).singletonOrThrow();
    }

    static NDArray dropout(NDArray x, double rate, boolean training) {
        if (!training || rate == 0) {
            return x;
        }
        return Dropout.dropout(x, (float) rate, true).singletonOrThrow();
    }

    private static NDArray lookup(NDArray table, NDArray indices) {
        return Embedding.embedding(indices, table, SparseFormat.DENSE)
                .singletonOrThrow();
    }
}
