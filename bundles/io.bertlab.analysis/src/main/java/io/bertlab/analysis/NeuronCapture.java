package io.bertlab.analysis;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ForwardOptions;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.Weight;
import java.util.Arrays;

/**
 * The query and key vectors of one layer, for the neuron view, on any engine and without touching it: one forward pass
 * with every hidden state and attention ({@code ForwardOptions(true, true)}); BERT is post-LayerNorm, so
 * {@code hidden_states[L]} is exactly what layer {@code L}'s self-attention reads, and its projections are computed
 * here from the checkpoint's own weights ({@code encoder.layer.L.attention.self.query/key}, HF's {@code [out, in]}
 * layout), in double. The softmax of their scaled products is then compared with the probabilities the engine itself
 * returned for the layer, so a view never shows vectors that do not explain the engine's attention without saying so.
 */
public final class NeuronCapture {

    private static final ForwardOptions ALL = new ForwardOptions(true, true);

    private NeuronCapture() {
    }

    /**
     * Captures one layer of an encoded input.
     *
     * @param model the model, on any engine
     * @param encoding one input (as {@link EngineAttentionCapture#encode} makes it, unpadded; padding, if any, is
     *        masked as the engine masks it)
     * @param weights the checkpoint's weights, the same the engine loaded
     * @param layer the layer, {@code 0 <= layer < numHiddenLayers}
     * @param head the head shown first, {@code 0 <= head < numAttentionHeads}
     * @return the layer's queries, keys and attention, with the agreement measured
     * @throws IllegalArgumentException when the layer or head is out of range, or the weights do not fit the model
     */
    public static NeuronView capture(Model model, Encoding encoding, BertWeights weights, int layer, int head) {
        ModelConfig config = model.config();
        if (layer < 0 || layer >= config.numHiddenLayers()) {
            throw new IllegalArgumentException("layer " + layer + " is out of range: the model has layers 0 to "
                    + (config.numHiddenLayers() - 1));
        }
        if (head < 0 || head >= config.numAttentionHeads()) {
            throw new IllegalArgumentException("head " + head + " is out of range: the model has heads 0 to "
                    + (config.numAttentionHeads() - 1));
        }
        int n = encoding.length();
        int[] mask = encoding.attentionMask();
        Batch batch = new Batch(new int[][] {encoding.ids()}, new int[][] {encoding.typeIds()}, new int[][] {mask});
        ForwardResult result = model.forward(batch, ALL);
        if (result.hiddenStates().size() != config.numHiddenLayers() + 1
                || result.attentions().size() != config.numHiddenLayers()) {
            throw new IllegalStateException("the " + model.engine().name() + " engine returned "
                    + result.hiddenStates().size() + " hidden states and " + result.attentions().size()
                    + " attentions for " + config.numHiddenLayers() + " layers");
        }
        int hidden = config.hiddenSize();
        // [1, n, hidden]: the input of layer `layer` (index 0 is the embeddings' output)
        float[] input = result.hiddenStates().get(layer).toArray();
        BertParameterNames.Layer names = BertParameterNames.layer(layer);
        float[] queries = project(input, n, hidden, weight(weights, names.query().weight(), hidden, hidden),
                weight(weights, names.query().bias(), hidden));
        float[] keys = project(input, n, hidden, weight(weights, names.key().weight(), hidden, hidden),
                weight(weights, names.key().bias(), hidden));
        Tensor probabilities = result.attentions().get(layer);
        int heads = probabilities.dim(1);
        if (heads != config.numAttentionHeads()) {
            throw new IllegalStateException("the engine returned " + heads + " heads, the configuration says "
                    + config.numAttentionHeads());
        }
        float[] attention = probabilities.toArray();
        int headSize = config.headSize();
        double deviation = deviation(queries, keys, mask, attention, n, heads, headSize);
        return new NeuronView(encoding.tokens(), EngineAttentionCapture.sentenceBStart(encoding), mask, layer, head,
                heads, headSize, queries, keys, attention, deviation);
    }

    /**
     * A dense projection of every row, {@code y = x Wᵀ + b} with HF's {@code [out, in]} weight, summed in double and
     * rounded to float once at the end.
     *
     * @param x the rows, {@code [n, in]}
     * @param n the number of rows
     * @param in their width
     * @param weight {@code [out, in]}
     * @param bias {@code [out]}
     * @return {@code [n, out]}
     */
    static float[] project(float[] x, int n, int in, float[] weight, float[] bias) {
        int out = bias.length;
        float[] y = new float[n * out];
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < out; o++) {
                double sum = bias[o];
                for (int m = 0; m < in; m++) {
                    sum += (double) x[i * in + m] * weight[o * in + m];
                }
                y[i * out + o] = (float) sum;
            }
        }
        return y;
    }

    /**
     * Each head's {@code softmax(q_i·k_j/√d)} over the attended keys, in double, against the engine's probabilities.
     *
     * @param queries {@code [n, heads · d]}
     * @param keys {@code [n, heads · d]}
     * @param mask 1 for an attended key, 0 for padding (masked keys get probability 0)
     * @param attention the engine's, {@code [heads, n, n]}
     * @param n the number of tokens
     * @param heads the number of heads
     * @param headSize {@code d}
     * @return the largest absolute difference
     */
    static double deviation(float[] queries, float[] keys, int[] mask, float[] attention, int n, int heads,
            int headSize) {
        double worst = 0;
        double[] p = new double[n];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < n; i++) {
                softmax(queries, keys, mask, n, heads, headSize, h, i, p);
                for (int j = 0; j < n; j++) {
                    worst = Math.max(worst, Math.abs(p[j] - attention[(h * n + i) * n + j]));
                }
            }
        }
        return worst;
    }

    /**
     * One query's attention over the keys, {@code softmax(q_i·k_j/√d)} in double, as the page computes it.
     *
     * @param queries {@code [n, heads · d]}
     * @param keys {@code [n, heads · d]}
     * @param mask 1 for an attended key, 0 for padding
     * @param n the number of tokens
     * @param heads the number of heads
     * @param headSize {@code d}
     * @param h the head
     * @param i the query token
     * @param p receives the {@code n} probabilities
     */
    static void softmax(float[] queries, float[] keys, int[] mask, int n, int heads, int headSize, int h, int i,
            double[] p) {
        int width = heads * headSize;
        double scale = 1 / Math.sqrt(headSize);
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (mask[j] == 0) {
                p[j] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double dot = 0;
            for (int c = h * headSize; c < (h + 1) * headSize; c++) {
                dot += (double) queries[i * width + c] * keys[j * width + c];
            }
            p[j] = dot * scale;
            max = Math.max(max, p[j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            p[j] = mask[j] == 0 ? 0 : Math.exp(p[j] - max);
            sum += p[j];
        }
        for (int j = 0; j < n; j++) {
            p[j] /= sum;
        }
    }

    private static float[] weight(BertWeights weights, String name, int... shape) {
        Weight w = weights.get(name);
        if (w == null) {
            throw new IllegalArgumentException("the checkpoint has no weight named '" + name + "'");
        }
        if (!w.hasShape(shape)) {
            throw new IllegalArgumentException(name + " has shape " + Arrays.toString(w.shape()) + ", the model needs "
                    + Arrays.toString(shape));
        }
        return w.values();
    }
}
