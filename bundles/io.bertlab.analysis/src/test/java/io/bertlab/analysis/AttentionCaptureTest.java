package io.bertlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.analysis.AttentionMap;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ForwardOptions;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.testing.models.JavaMiniLm;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The captured attention of all-MiniLM-L6-v2 on the pure-Java engine against a plain recomputation from the
 * checkpoint's weights: Q and K projections, scaled dot products and a softmax, written as loops in double.
 * MiniLM's ONNX graph exposes only the last hidden state, so ONNX Runtime cannot serve as the reference here.
 */
class AttentionCaptureTest {

    /**
     * The engine works in float32. A score is a dot product of two 32-wide head vectors, each itself a 384-term
     * sum of products with hidden values of size up to about 10: float rounding (2^-24 relative per operation,
     * growing like the square root of the number of terms) leaves score errors of order 1e-5, and a softmax
     * probability moves by at most half its score's error. 2e-5 is that bound with a factor of 2 spare; the
     * largest difference measured on this input is 1.6e-6 (the test prints it).
     */
    private static final double FLOAT32_SCORES = 2e-5;

    @Test
    void everyLayerMatchesAPlainRecomputationFromTheWeights() throws IOException {
        Tokenizer tokenizer = JavaMiniLm.tokenizer();
        BertWeights weights = JavaMiniLm.checkpoint().weights();
        try (Model model = JavaMiniLm.model()) {
            ModelConfig config = model.config();
            AttentionMap map = new EngineAttentionCapture().capture(model, tokenizer,
                    "The cat sat on the mat, didn't it?", "Yes: it was happy.");
            String[] tokens = map.tokens();
            int n = tokens.length;
            assertEquals("[CLS]", tokens[0]);
            assertEquals("[SEP]", tokens[n - 1]);
            int firstSep = Arrays.asList(tokens).indexOf("[SEP]");
            assertEquals(firstSep + 1, map.sentenceBStart(), Arrays.toString(tokens));
            assertArrayEquals(new int[] {6, 12, n, n}, map.weights().shape());

            // each layer's input, as the engine computed it (its hidden states match ONNX Runtime in the engine's
            // own parity tests); layer 0's input is recomputed here from the embeddings too
            Encoding encoding = EngineAttentionCapture.encode(model, tokenizer,
                    "The cat sat on the mat, didn't it?", "Yes: it was happy.");
            int[] mask = new int[n];
            Arrays.fill(mask, 1);
            ForwardResult all = model.forward(new Batch(new int[][] {encoding.ids()},
                    new int[][] {encoding.typeIds()}, new int[][] {mask}), ForwardOptions.ALL);
            double[][] embedded = embeddings(weights, config, encoding);
            double worst = 0;
            for (int l = 0; l < config.numHiddenLayers(); l++) {
                double[][] input = l == 0 ? embedded : rows(all.hiddenStates().get(l), n, config.hiddenSize());
                double[][][] expected = attention(weights, config, l, input);
                for (int h = 0; h < config.numAttentionHeads(); h++) {
                    for (int i = 0; i < n; i++) {
                        double rowSum = 0;
                        for (int j = 0; j < n; j++) {
                            double actual = map.weight(l, h, i, j);
                            rowSum += actual;
                            worst = Math.max(worst, Math.abs(actual - expected[h][i][j]));
                            assertEquals(expected[h][i][j], actual, FLOAT32_SCORES,
                                    "layer " + l + " head " + h + " row " + i + " column " + j);
                        }
                        // n float probabilities, each within half an ulp of 1 at worst
                        assertEquals(1.0, rowSum, n * 6e-8, "row " + i + " sums to 1");
                    }
                }
            }
            System.out.printf("all-MiniLM-L6-v2, %d tokens: largest |engine - recomputation| = %.3g%n", n, worst);
        }
    }

    @Test
    void aSingleTextHasNoSegmentB() throws IOException {
        try (Model model = JavaMiniLm.model()) {
            AttentionMap map = new EngineAttentionCapture().capture(model, JavaMiniLm.tokenizer(), "Hello world.", null);
            assertEquals(-1, map.sentenceBStart());
            assertArrayEquals(new String[] {"[CLS]", "hello", "world", ".", "[SEP]"}, map.tokens());
        }
    }

    @Test
    void longTextsAreTruncatedToThePositions() throws IOException {
        Tokenizer tokenizer = JavaMiniLm.tokenizer();
        String text = "word ".repeat(600);
        try (Model model = JavaMiniLm.model()) {
            assertTrue(EngineAttentionCapture.untruncatedLength(tokenizer, text, null) > 512);
            AttentionMap map = new EngineAttentionCapture().capture(model, tokenizer, text, null);
            assertEquals(512, map.tokens().length);
            assertEquals("[SEP]", map.tokens()[511]);
        }
    }

    /** Word + position + token type embeddings, then LayerNorm, in double. */
    private static double[][] embeddings(BertWeights w, ModelConfig config, Encoding encoding) {
        int d = config.hiddenSize();
        float[] word = w.require(BertParameterNames.WORD_EMBEDDINGS).values();
        float[] position = w.require(BertParameterNames.POSITION_EMBEDDINGS).values();
        float[] type = w.require(BertParameterNames.TOKEN_TYPE_EMBEDDINGS).values();
        float[] gain = w.require(BertParameterNames.EMBEDDINGS_LAYER_NORM.weight()).values();
        float[] bias = w.require(BertParameterNames.EMBEDDINGS_LAYER_NORM.bias()).values();
        double[][] out = new double[encoding.length()][d];
        for (int t = 0; t < out.length; t++) {
            double mean = 0;
            for (int j = 0; j < d; j++) {
                out[t][j] = (double) word[encoding.id(t) * d + j] + position[t * d + j]
                        + type[encoding.typeIds()[t] * d + j];
                mean += out[t][j];
            }
            mean /= d;
            double variance = 0;
            for (int j = 0; j < d; j++) {
                variance += (out[t][j] - mean) * (out[t][j] - mean);
            }
            double std = Math.sqrt(variance / d + config.layerNormEps());
            for (int j = 0; j < d; j++) {
                out[t][j] = (out[t][j] - mean) / std * gain[j] + bias[j];
            }
        }
        return out;
    }

    /** softmax(Q Kᵀ / sqrt(head size)) per head, Q = x W_qᵀ + b_q and K = x W_kᵀ + b_k with HF's [out, in] W. */
    private static double[][][] attention(BertWeights w, ModelConfig config, int layer, double[][] x) {
        BertParameterNames.Layer names = BertParameterNames.layer(layer);
        double[][] q = dense(x, w.require(names.query().weight()).values(), w.require(names.query().bias()).values());
        double[][] k = dense(x, w.require(names.key().weight()).values(), w.require(names.key().bias()).values());
        int heads = config.numAttentionHeads();
        int size = config.headSize();
        int n = x.length;
        double[][][] p = new double[heads][n][n];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    double dot = 0;
                    for (int c = h * size; c < (h + 1) * size; c++) {
                        dot += q[i][c] * k[j][c];
                    }
                    p[h][i][j] = dot / Math.sqrt(size);
                    max = Math.max(max, p[h][i][j]);
                }
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    p[h][i][j] = Math.exp(p[h][i][j] - max);
                    sum += p[h][i][j];
                }
                for (int j = 0; j < n; j++) {
                    p[h][i][j] /= sum;
                }
            }
        }
        return p;
    }

    private static double[][] dense(double[][] x, float[] weight, float[] bias) {
        int out = bias.length;
        int in = x[0].length;
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double sum = bias[o];
                for (int m = 0; m < in; m++) {
                    sum += x[i][m] * weight[o * in + m];
                }
                y[i][o] = sum;
            }
        }
        return y;
    }

    private static double[][] rows(Tensor hidden, int n, int d) {
        double[][] x = new double[n][d];
        for (int t = 0; t < n; t++) {
            float[] v = hidden.vector(0, t);
            for (int j = 0; j < d; j++) {
                x[t][j] = v[j];
            }
        }
        return x;
    }
}
