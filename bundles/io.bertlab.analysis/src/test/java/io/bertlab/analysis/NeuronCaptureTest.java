package io.bertlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.analysis.SelfAttentionTrace;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.ForwardOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.engine.djl.DjlEngine;
import io.bertlab.engine.djl.MxNetCpuEngine;
import io.bertlab.engine.djl.PyTorchCpuEngine;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import io.bertlab.testing.models.JavaMiniLm;
import io.bertlab.testing.models.TinyBert;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The neuron view's queries and keys: their softmax against the engine's own attention on the real all-MiniLM-L6-v2
 * (every layer and head, on a pair and on 512 tokens; on the Java, PyTorch and MXNet engines), the slicing of each head against a direct computation on a
 * tiny random BERT and against the toy trace's per-head Q and K, and a deliberately wrong checkpoint that must be
 * caught.
 */
class NeuronCaptureTest {

    /**
     * The engine's float32 rounding, as {@link NeuronView#TOLERANCE} explains: scores off by up to ~1e-5, a
     * probability by at most half that. The same bound the view itself applies.
     */
    private static final double FLOAT32_SCORES = NeuronView.TOLERANCE;

    private static final String LONG_TEXT = "The committee met on Tuesday to discuss the budget, which had grown by"
            + " twelve percent since last year. Several members argued that the new library, the bridge over the"
            + " river and the school's roof could not all be paid for; others wanted to borrow. After three hours,"
            + " nobody had changed their mind, and the chair adjourned until Friday. ";

    @Test
    void theSoftmaxOfTheVectorsIsTheEnginesAttentionOnMiniLm() throws IOException {
        Tokenizer tokenizer = JavaMiniLm.tokenizer();
        BertWeights weights = JavaMiniLm.checkpoint().weights();
        try (Model model = JavaMiniLm.model()) {
            Encoding pair = EngineAttentionCapture.encode(model, tokenizer, "The cat sat on the mat, didn't it?",
                    "Yes: it was happy.");
            double worst = 0;
            for (int layer = 0; layer < 6; layer++) {
                NeuronView view = NeuronCapture.capture(model, pair, weights, layer, 0);
                assertEquals(12, view.heads());
                assertEquals(32, view.headSize());
                assertEquals(layer, view.layer());
                assertEquals(EngineAttentionCapture.sentenceBStart(pair), view.sentenceBStart());
                assertTrue(view.agrees(), "layer " + layer + ": " + view.deviation());
                // the record's own accessors say the same as the deviation
                for (int h = 0; h < 12; h++) {
                    for (int i = 0; i < pair.length(); i++) {
                        double[] p = softmax(view, h, i);
                        for (int j = 0; j < pair.length(); j++) {
                            assertEquals(view.attention(h, i, j), p[j], FLOAT32_SCORES,
                                    "layer " + layer + " head " + h + " row " + i + " column " + j);
                        }
                    }
                }
                worst = Math.max(worst, view.deviation());
            }
            System.out.printf("neuron view, all-MiniLM-L6-v2, %d tokens, 6 layers x 12 heads: largest |softmax(q.k/"
                    + "sqrt(d)) - engine| = %.3g%n", pair.length(), worst);

            Encoding full = EngineAttentionCapture.encode(model, tokenizer, LONG_TEXT.repeat(10), null);
            assertEquals(512, full.length());
            for (int layer = 0; layer < 6; layer++) {
                NeuronView view = NeuronCapture.capture(model, full, weights, layer, 11);
                assertTrue(view.agrees(), "512 tokens, layer " + layer + ": " + view.deviation());
                System.out.printf("neuron view, all-MiniLM-L6-v2, 512 tokens, layer %d, 12 heads: largest"
                        + " |softmax(q.k/sqrt(d)) - engine| = %.3g%n", layer, view.deviation());
            }
        }
    }

    /** Any engine: the DJL engines' hidden states and attention are explained by the same weights within 1e-5. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pytorch", "mxnet"})
    void theDjlEnginesAttentionIsExplainedToo(String engine) throws IOException {
        BertWeights weights = JavaMiniLm.checkpoint().weights();
        DjlEngine djl = engine.equals("mxnet") ? new MxNetCpuEngine() : new PyTorchCpuEngine();
        try (Model model = djl.load(JavaMiniLm.checkpoint(), LoadOptions.DEFAULT)) {
            Encoding pair = EngineAttentionCapture.encode(model, JavaMiniLm.tokenizer(),
                    "The quick brown fox, startled, jumped over the lazy dog.", "Then it ran into the woods.");
            double worst = 0;
            for (int layer = 0; layer < 6; layer++) {
                NeuronView view = NeuronCapture.capture(model, pair, weights, layer, 0);
                assertTrue(view.agrees(), engine + " layer " + layer + ": " + view.deviation());
                worst = Math.max(worst, view.deviation());
            }
            System.out.printf("neuron view on %s, all-MiniLM-L6-v2, %d tokens, 6 layers x 12 heads: largest"
                    + " |softmax(q.k/sqrt(d)) - engine| = %.3g%n", engine, pair.length(), worst);
        }
    }

    @Test
    void aCheckpointWhoseHeadsAreSwappedIsCaught() throws IOException {
        BertWeights original = JavaMiniLm.checkpoint().weights();
        // the engine runs the real weights; the "checkpoint on disk" has heads 0 and 1 of layer 2's query swapped
        String name = BertParameterNames.layer(2).query().weight();
        float[] query = original.require(name).values().clone();
        int hidden = 384;
        int size = 32;
        for (int r = 0; r < size; r++) {
            float[] row = Arrays.copyOfRange(query, r * hidden, (r + 1) * hidden);
            System.arraycopy(query, (size + r) * hidden, query, r * hidden, hidden);
            System.arraycopy(row, 0, query, (size + r) * hidden, hidden);
        }
        BertWeights swapped = new BertWeights();
        for (Weight w : original.all()) {
            swapped.put(w.name().equals(name) ? new Weight(name, w.shape(), query) : w);
        }
        try (Model model = JavaMiniLm.model()) {
            Encoding encoding = EngineAttentionCapture.encode(model, JavaMiniLm.tokenizer(), "The cat sat.", null);
            NeuronView view = NeuronCapture.capture(model, encoding, swapped, 2, 0);
            assertFalse(view.agrees());
            assertTrue(view.deviation() > 1e-2, "deviation " + view.deviation());
            // the other layers are untouched
            assertTrue(NeuronCapture.capture(model, encoding, swapped, 3, 0).agrees());

            IllegalArgumentException layer = assertThrows(IllegalArgumentException.class,
                    () -> NeuronCapture.capture(model, encoding, original, 6, 0));
            assertEquals("layer 6 is out of range: the model has layers 0 to 5", layer.getMessage());
            IllegalArgumentException head = assertThrows(IllegalArgumentException.class,
                    () -> NeuronCapture.capture(model, encoding, original, 0, -1));
            assertEquals("head -1 is out of range: the model has heads 0 to 11", head.getMessage());
        }
    }

    /**
     * A tiny random BERT (width 12, 3 heads of 4, 2 layers, random biases), layer 1 so that its input is a real
     * hidden state: every head's q and k of every token against {@code x W_qᵀ + b_q} computed here with the head's
     * rows {@code h·d .. h·d + d − 1} of HF's {@code [out, in]} matrix written out explicitly.
     */
    @Test
    void eachHeadIsItsOwnSliceOfTheProjection() throws IOException {
        int hidden = 12;
        int heads = 3;
        int d = 4;
        ModelConfig config = new ModelConfig(30, hidden, 2, heads, 16, "gelu", 0, 0, 16, 2, 0.02, 1e-12);
        BertWeights weights = random(config, 0.5, 42);
        Encoding encoding = encoding(new int[] {2, 7, 11, 29, 3, 5, 2}, 4);
        try (Model model = JavaEngine.load(new ModelDirectory.Checkpoint(config, weights), 1,
                Path.of("tiny", "config.json"))) {
            NeuronView view = NeuronCapture.capture(model, encoding, weights, 1, 2);
            assertEquals(2, view.head());
            assertEquals(4, view.sentenceBStart());
            assertTrue(view.agrees(), "deviation " + view.deviation());
            float[] x = model.forward(new Batch(new int[][] {encoding.ids()}, new int[][] {encoding.typeIds()},
                    new int[][] {encoding.attentionMask()}), ForwardOptions.ALL).hiddenStates().get(1).toArray();
            BertParameterNames.Layer names = BertParameterNames.layer(1);
            float[] wq = weights.require(names.query().weight()).values();
            float[] bq = weights.require(names.query().bias()).values();
            float[] wk = weights.require(names.key().weight()).values();
            float[] bk = weights.require(names.key().bias()).values();
            for (int h = 0; h < heads; h++) {
                for (int t = 0; t < encoding.length(); t++) {
                    float[] q = view.query(h, t);
                    float[] k = view.key(h, t);
                    assertEquals(d, q.length);
                    for (int c = 0; c < d; c++) {
                        int row = h * d + c;
                        double eq = bq[row];
                        double ek = bk[row];
                        for (int m = 0; m < hidden; m++) {
                            eq += x[t * hidden + m] * (double) wq[row * hidden + m];
                            ek += x[t * hidden + m] * (double) wk[row * hidden + m];
                        }
                        // one rounding to float of a double sum
                        assertEquals(eq, q[c], Math.ulp((float) eq), "q head " + h + " token " + t + " dim " + c);
                        assertEquals(ek, k[c], Math.ulp((float) ek), "k head " + h + " token " + t + " dim " + c);
                    }
                }
            }
            // the score of one pair by hand
            float[] q = view.query(1, 3);
            float[] k = view.key(1, 5);
            double dot = 0;
            for (int c = 0; c < d; c++) {
                dot += (double) q[c] * k[c];
            }
            assertEquals(dot / 2, view.score(1, 3, 5), 1e-12);
        }
    }

    /** The toy trace's own per-head Q and K (an independent slicing) for a one-layer model built from the trace. */
    @Test
    void theVectorsAreTheTracesQueriesAndKeys() throws IOException {
        int n = 5;
        int size = 12;
        int heads = 3;
        SelfAttentionTracer.Weights w = SelfAttentionTracer.weights(size, 7);
        float[][] x = SelfAttentionTracer.input(n, size, 7);
        SelfAttentionTrace trace = SelfAttentionTracer.trace(x, heads, w);
        BertWeights weights = new BertWeights();
        try (Model model = SelfAttentionTracerTest.oneLayer(x, w, heads)) {
            // the weights the engine was built from, as a checkpoint would hold them: W in HF's [out, in]
            BertParameterNames.Layer names = BertParameterNames.layer(0);
            weights.put(new Weight(names.query().weight(), new int[] {size, size}, SelfAttentionTracerTest.transposed(w.query())));
            weights.put(new Weight(names.key().weight(), new int[] {size, size}, SelfAttentionTracerTest.transposed(w.key())));
            weights.put(new Weight(names.query().bias(), new int[] {size}, new float[size]));
            weights.put(new Weight(names.key().bias(), new int[] {size}, new float[size]));
            int[] ids = {0, 1, 2, 3, 4};
            NeuronView view = NeuronCapture.capture(model, encoding(ids, -1), weights, 0, 0);
            assertTrue(view.agrees(), "deviation " + view.deviation());
            for (int h = 0; h < heads; h++) {
                for (int t = 0; t < n; t++) {
                    // the engine's embedding LayerNorm reproduces X to float rounding (see SelfAttentionTracerTest)
                    for (int c = 0; c < size / heads; c++) {
                        assertEquals(trace.queries().get(h, t, c), view.query(h, t)[c], 1e-5);
                        assertEquals(trace.keys().get(h, t, c), view.key(h, t)[c], 1e-5);
                    }
                    for (int j = 0; j < n; j++) {
                        assertEquals(trace.probabilities().get(h, t, j), view.attention(h, t, j), 1e-5);
                    }
                }
            }
        }
    }

    /** A hand-made encoding: tokens t0.., types 1 from {@code bStart} on (none when -1), every token attended. */
    static Encoding encoding(int[] ids, int bStart) {
        int n = ids.length;
        String[] tokens = new String[n];
        int[] types = new int[n];
        int[] ones = new int[n];
        int[] zeros = new int[n];
        int[] none = new int[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = "t" + i;
            types[i] = bStart >= 0 && i >= bStart ? 1 : 0;
            ones[i] = 1;
            none[i] = -1;
        }
        return new Encoding(tokens, ids, types, ones, zeros, zeros, zeros, none, none, List.of());
    }

    /** Encoder weights uniform in [-scale, scale], LayerNorm gains around 1 (as the engine's TinyModels). */
    static BertWeights random(ModelConfig config, double scale, long seed) {
        return TinyBert.randomEncoder(config, scale, seed);
    }

    private static double[] softmax(NeuronView view, int h, int i) {
        int n = view.tokens().length;
        double[] p = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            p[j] = view.score(h, i, j);
            max = Math.max(max, p[j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            p[j] = Math.exp(p[j] - max);
            sum += p[j];
        }
        for (int j = 0; j < n; j++) {
            p[j] /= sum;
        }
        return p;
    }
}
