package io.bertlab.engine.java;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ForwardOptions;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.Tensor;
import io.bertlab.engine.java.kernel.ElementwiseKernel;
import io.bertlab.engine.java.kernel.Gemm;
import io.bertlab.engine.java.kernel.Kernels;
import io.bertlab.engine.java.kernel.Parallel;
import java.util.ArrayList;
import java.util.List;

/**
 * The BERT encoder in inference mode: embeddings, the layers (self-attention and feed-forward, each with a residual
 * connection and LayerNorm), the pooler. Buffers are allocated per call, once per size, never per element.
 */
final class EncoderForward {

    private final EncoderWeights weights;
    private final Gemm gemm;
    private final SelfAttention attention;
    private final ElementwiseKernel elementwise;

    EncoderForward(EncoderWeights weights, Gemm gemm) {
        this.weights = weights;
        this.gemm = gemm;
        this.elementwise = Kernels.elementwise();
        this.attention = new SelfAttention(weights.config.numAttentionHeads(), weights.config.headSize(), gemm.kernel(),
                elementwise);
    }

    ForwardResult forward(Batch batch, ForwardOptions options) {
        InputCheck.verify(weights.config, batch);
        ModelConfig config = weights.config;
        int sequences = batch.size();
        int length = batch.sequenceLength();
        int rows = sequences * length;
        int h = config.hiddenSize();
        Parallel parallel = gemm.parallel();

        float[] hidden = embed(batch, rows);
        List<Tensor> hiddenStates = new ArrayList<>();
        List<Tensor> attentions = new ArrayList<>();
        if (options.hiddenStates()) {
            hiddenStates.add(Tensor.of(hidden, sequences, length, h));
        }
        float[] qkv = new float[rows * 3 * h];
        float[] context = new float[rows * h];
        float[] attended = new float[rows * h];
        float[] intermediate = new float[rows * config.intermediateSize()];
        float[] probabilities = options.attentions()
                ? new float[sequences * config.numAttentionHeads() * length * length]
                : null;
        for (EncoderWeights.Layer layer : weights.layers) {
            linear(hidden, rows, layer.queryKeyValue(), qkv);
            attention.compute(qkv, batch, context, probabilities, parallel);
            linear(context, rows, layer.attentionOutput(), attended);
            normalize(layer.attentionNorm(), attended, hidden, attended, rows);
            linear(attended, rows, layer.intermediate(), intermediate);
            activate(intermediate, rows);
            linear(intermediate, rows, layer.output(), hidden);
            normalize(layer.outputNorm(), hidden, attended, hidden, rows);
            if (options.hiddenStates()) {
                hiddenStates.add(Tensor.of(hidden, sequences, length, h));
            }
            if (probabilities != null) {
                attentions.add(Tensor.of(probabilities, sequences, config.numAttentionHeads(), length, length));
            }
        }
        Tensor last = options.hiddenStates() ? hiddenStates.get(hiddenStates.size() - 1)
                : Tensor.of(hidden, sequences, length, h);
        return new ForwardResult(last, pool(hidden, sequences, length), hiddenStates, attentions);
    }

    /** Word + token type + position embeddings (summed in the order HF's graph sums them), then LayerNorm. */
    private float[] embed(Batch batch, int rows) {
        int h = weights.config.hiddenSize();
        int length = batch.sequenceLength();
        float[] out = new float[rows * h];
        gemm.parallel().forEach(batch.size(), b -> {
            for (int t = 0; t < length; t++) {
                int o = (b * length + t) * h;
                int word = batch.inputId(b, t) * h;
                int type = batch.tokenTypeId(b, t) * h;
                int position = t * h;
                for (int j = 0; j < h; j++) {
                    out[o + j] = (weights.wordEmbeddings[word + j] + weights.tokenTypeEmbeddings[type + j])
                            + weights.positionEmbeddings[position + j];
                }
            }
            weights.embeddingsNorm.apply(out, null, out, b * length, (b + 1) * length);
        });
        return out;
    }

    private void linear(float[] input, int rows, EncoderWeights.Linear layer, float[] output) {
        gemm.multiply(input, rows, layer.weight(), layer.bias(), output);
    }

    private void normalize(LayerNorm norm, float[] x, float[] residual, float[] out, int rows) {
        int chunk = rowChunk(rows);
        gemm.parallel().forEach((rows + chunk - 1) / chunk,
                c -> norm.apply(x, residual, out, c * chunk, Math.min(rows, (c + 1) * chunk)));
    }

    private void activate(float[] values, int rows) {
        int width = weights.config.intermediateSize();
        int chunk = rowChunk(rows);
        gemm.parallel().forEach((rows + chunk - 1) / chunk, c -> weights.activation.applyInPlace(values,
                c * chunk * width, Math.min(rows, (c + 1) * chunk) * width, elementwise));
    }

    private int rowChunk(int rows) {
        return Math.max(1, rows / (gemm.parallel().threads() * 4));
    }

    /** The pooler: tanh of a dense layer on each sequence's first token; {@code null} without a pooler. */
    private Tensor pool(float[] hidden, int sequences, int length) {
        EncoderWeights.Linear pooler = weights.pooler;
        if (pooler == null) {
            return null;
        }
        int h = weights.config.hiddenSize();
        float[] first = new float[sequences * h];
        for (int b = 0; b < sequences; b++) {
            System.arraycopy(hidden, b * length * h, first, b * h, h);
        }
        float[] pooled = new float[sequences * h];
        gemm.multiply(first, sequences, pooler.weight(), pooler.bias(), pooled);
        for (int i = 0; i < pooled.length; i++) {
            pooled[i] = (float) Math.tanh(pooled[i]);
        }
        return Tensor.of(pooled, sequences, h);
    }
}
