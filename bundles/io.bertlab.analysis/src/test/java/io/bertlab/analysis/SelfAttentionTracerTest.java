package io.bertlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bertlab.api.analysis.SelfAttentionTrace;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ForwardOptions;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The toy trace against the pure-Java engine: a one-layer BERT whose embeddings are the trace's X and whose
 * attention projections are its W_Q, W_K, W_V, W_O must attend exactly as the trace says.
 */
class SelfAttentionTracerTest {

    /**
     * The engine sums in float (Vector API lanes, FMA) what the trace sums in double: with d ≤ 8 products of
     * values of size about 1 per sum and a handful of sums in a row, the float rounding (2^-24 ≈ 6e-8 relative per
     * operation) stays below 1e-6; 1e-5 leaves a factor 10 for the exp and the LayerNorm's division.
     */
    private static final float FLOAT_ROUNDING = 1e-5f;

    @ParameterizedTest
    @CsvSource({"3, 8, 2, 42", "5, 12, 3, 7", "4, 8, 1, 1"})
    void theEngineAttendsAsTheTraceSays(int n, int d, int heads, long seed) throws IOException {
        SelfAttentionTracer.Weights w = SelfAttentionTracer.weights(d, seed);
        float[][] x = SelfAttentionTracer.input(n, d, seed);
        SelfAttentionTrace trace = SelfAttentionTracer.trace(x, heads, w);
        try (Model model = oneLayer(x, w, heads)) {
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = i;
            }
            ForwardResult result = model.forward(Batch.of(new int[][] {ids}), ForwardOptions.ALL);
            // the embedding LayerNorm leaves X as it is: its rows already have mean 0 and variance 1
            assertClose(trace.input().toArray(), result.hiddenStates().get(0).toArray(), "X");
            assertClose(trace.probabilities().toArray(), result.attentions().get(0).toArray(), "softmax");
            // the layer's output is LayerNorm(LayerNorm(X + attention output) + 0): a zero feed-forward; a
            // LayerNorm of a row already normalised changes nothing, so this is LayerNorm(X + output)
            float[] expected = new float[n * d];
            for (int i = 0; i < n; i++) {
                float[] row = new float[d];
                for (int j = 0; j < d; j++) {
                    row[j] = x[i][j] + trace.output().get(i, j);
                }
                System.arraycopy(layerNorm(row, 1e-12), 0, expected, i * d, d);
            }
            assertClose(expected, result.hiddenStates().get(1).toArray(), "LayerNorm(X + output)");
        }
    }

    @Test
    void theSameSeedGivesTheSameTrace() {
        SelfAttentionTracer tracer = new SelfAttentionTracer();
        float[][] x = SelfAttentionTracer.input(3, 8, 9);
        SelfAttentionTrace a = tracer.trace(x, 2, 9);
        SelfAttentionTrace b = tracer.trace(x, 2, 9);
        assertEquals(a.output(), b.output());
        assertArrayEquals(new int[] {2, 3, 4}, a.queries().shape());
        assertArrayEquals(new int[] {2, 3, 3}, a.probabilities().shape());
        assertArrayEquals(new int[] {3, 8}, a.output().shape());
        assertThrows(IllegalArgumentException.class, () -> tracer.trace(x, 3, 9));
    }

    @Test
    void aHandCheckedHead() {
        // X = I (2 tokens, d = 2), W_Q = W_K = W_V = W_O = I, one head: scores = I / sqrt(2), so each token puts
        // e^(1/√2) / (e^(1/√2) + 1) = 0.66976... on itself and the rest on the other; output = softmax · I
        float[][] identity = {{1, 0}, {0, 1}};
        SelfAttentionTrace t = SelfAttentionTracer.trace(identity, 1,
                new SelfAttentionTracer.Weights(identity, identity, identity, identity));
        double self = Math.exp(1 / Math.sqrt(2)) / (Math.exp(1 / Math.sqrt(2)) + 1);
        // stored as float: half an ulp at 0.67 is 3e-8
        assertEquals(self, t.probabilities().get(0, 0, 0), 6e-8);
        assertEquals(1 - self, t.probabilities().get(0, 0, 1), 6e-8);
        assertEquals(1 / Math.sqrt(2), t.scores().get(0, 1, 1), 6e-8);
        assertEquals(self, t.output().get(1, 1), 6e-8);
    }

    /** A one-layer BERT: embeddings X (ids 0..n-1), attention W, zero feed-forward, unit LayerNorms, no biases. */
    static Model oneLayer(float[][] x, SelfAttentionTracer.Weights w, int heads) throws IOException {
        int n = x.length;
        int d = x[0].length;
        ModelConfig config = new ModelConfig(n, d, 1, heads, 4, "gelu", 0, 0, n, 1, 0.02, 1e-12);
        BertWeights weights = new BertWeights();
        BertParameterNames.Layer layer = BertParameterNames.layer(0);
        Map<String, float[]> given = Map.of(BertParameterNames.WORD_EMBEDDINGS, flat(x),
                layer.query().weight(), transposed(w.query()), layer.key().weight(), transposed(w.key()),
                layer.value().weight(), transposed(w.value()), layer.attentionOutput().weight(),
                transposed(w.output()));
        for (Map.Entry<String, int[]> e : BertParameterNames.encoderShapes(config).entrySet()) {
            float[] values = given.get(e.getKey());
            if (values == null) {
                values = new float[(int) Weight.elementCount(e.getValue())];
                if (e.getKey().endsWith("LayerNorm.weight")) {
                    java.util.Arrays.fill(values, 1);
                }
            }
            weights.put(new Weight(e.getKey(), e.getValue(), values));
        }
        return JavaEngine.load(new ModelDirectory.Checkpoint(config, weights), 1, Path.of("toy", "config.json"));
    }

    /** HF stores a dense layer as {@code [out, in]} and computes {@code x Wᵀ}; the trace computes {@code x W}. */
    static float[] transposed(float[][] m) {
        float[] t = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j * m.length + i] = m[i][j];
            }
        }
        return t;
    }

    private static float[] flat(float[][] m) {
        float[] f = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, f, i * m[0].length, m[0].length);
        }
        return f;
    }

    static float[] layerNorm(float[] row, double eps) {
        double mean = 0;
        for (float v : row) {
            mean += v;
        }
        mean /= row.length;
        double variance = 0;
        for (float v : row) {
            variance += (v - mean) * (v - mean);
        }
        variance /= row.length;
        float[] out = new float[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (float) ((row[j] - mean) / Math.sqrt(variance + eps));
        }
        return out;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], FLOAT_ROUNDING, what + " at " + i);
        }
    }
}
