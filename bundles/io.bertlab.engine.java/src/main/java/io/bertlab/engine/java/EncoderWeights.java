package io.bertlab.engine.java;

import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.engine.java.kernel.MatrixKernel;
import io.bertlab.engine.java.kernel.PackedMatrix;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import java.nio.file.Path;

/**
 * The encoder's parameters in the layout the forward pass wants: linear weights packed for the kernel, the query,
 * key and value projections fused into one matrix (one pass over the hidden states instead of three).
 */
final class EncoderWeights {

    /**
     * One dense layer, packed.
     *
     * @param weight {@code Wᵀ}, packed
     * @param bias the bias
     */
    record Linear(PackedMatrix weight, float[] bias) {
    }

    /**
     * One encoder layer.
     *
     * @param queryKeyValue fused Q, K, V projection: outputs {@code [q | k | v]}, {@code 3·hidden} wide
     * @param attentionOutput attention output projection
     * @param attentionNorm LayerNorm after the attention residual
     * @param intermediate first feed-forward layer
     * @param output second feed-forward layer
     * @param outputNorm LayerNorm after the feed-forward residual
     */
    record Layer(Linear queryKeyValue, Linear attentionOutput, LayerNorm attentionNorm, Linear intermediate,
            Linear output, LayerNorm outputNorm) {
    }

    final ModelConfig config;
    final Activation activation;
    final float[] wordEmbeddings;
    final float[] positionEmbeddings;
    final float[] tokenTypeEmbeddings;
    final LayerNorm embeddingsNorm;
    final Layer[] layers;
    /** {@code null} when the checkpoint has no pooler. */
    final Linear pooler;

    EncoderWeights(ModelConfig config, BertWeights weights, MatrixKernel kernel, Path configFile)
            throws CheckpointException {
        this.config = config;
        this.activation = Activation.fromHfName(config.hiddenAct());
        if (activation == null) {
            throw new CheckpointException(configFile, "hidden_act", "unsupported activation '" + config.hiddenAct()
                    + "' (expected gelu, gelu_new, gelu_pytorch_tanh, relu, silu or swish)");
        }
        int h = config.hiddenSize();
        double eps = config.layerNormEps();
        wordEmbeddings = weights.require(BertParameterNames.WORD_EMBEDDINGS).values();
        positionEmbeddings = weights.require(BertParameterNames.POSITION_EMBEDDINGS).values();
        tokenTypeEmbeddings = weights.require(BertParameterNames.TOKEN_TYPE_EMBEDDINGS).values();
        embeddingsNorm = norm(weights, BertParameterNames.EMBEDDINGS_LAYER_NORM, eps);
        layers = new Layer[config.numHiddenLayers()];
        for (int i = 0; i < layers.length; i++) {
            BertParameterNames.Layer names = BertParameterNames.layer(i);
            Linear qkv = fused(weights, kernel, h, names.query(), names.key(), names.value());
            layers[i] = new Layer(qkv, linear(weights, kernel, names.attentionOutput(), h, h),
                    norm(weights, names.attentionLayerNorm(), eps),
                    linear(weights, kernel, names.intermediate(), config.intermediateSize(), h),
                    linear(weights, kernel, names.output(), h, config.intermediateSize()),
                    norm(weights, names.outputLayerNorm(), eps));
        }
        pooler = weights.contains(BertParameterNames.POOLER.weight())
                ? linear(weights, kernel, BertParameterNames.POOLER, h, h)
                : null;
    }

    private static LayerNorm norm(BertWeights weights, BertParameterNames.Dense names, double eps) {
        return new LayerNorm(weights.require(names.weight()).values(), weights.require(names.bias()).values(), eps);
    }

    private static Linear linear(BertWeights weights, MatrixKernel kernel, BertParameterNames.Dense names, int out,
            int in) {
        float[] w = weights.require(names.weight()).values();
        return new Linear(PackedMatrix.ofTransposed(w, out, in, kernel.panelWidth()),
                weights.require(names.bias()).values());
    }

    private static Linear fused(BertWeights weights, MatrixKernel kernel, int h, BertParameterNames.Dense... parts) {
        float[] w = new float[parts.length * h * h];
        float[] b = new float[parts.length * h];
        for (int p = 0; p < parts.length; p++) {
            System.arraycopy(weights.require(parts[p].weight()).values(), 0, w, p * h * h, h * h);
            System.arraycopy(weights.require(parts[p].bias()).values(), 0, b, p * h, h);
        }
        return new Linear(PackedMatrix.ofTransposed(w, parts.length * h, h, kernel.panelWidth()), b);
    }
}
