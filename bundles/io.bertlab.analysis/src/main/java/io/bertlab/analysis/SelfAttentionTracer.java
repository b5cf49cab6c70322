package io.bertlab.analysis;

import io.bertlab.api.analysis.AttentionTracer;
import io.bertlab.api.analysis.SelfAttentionTrace;
import io.bertlab.api.model.Tensor;
import java.util.Objects;
import java.util.SplittableRandom;
import org.osgi.service.component.annotations.Component;

/**
 * Multi-head self-attention written out step by step for teaching, in the row-vector convention of BERT
 * implementations: {@code Q = X W_Q}, {@code K = X W_K}, {@code V = X W_V} (each {@code [n, d]}, split into
 * {@code h} heads of {@code d/h} columns), per head {@code softmax(Q_h K_hᵀ / sqrt(d/h)) V_h}, the heads
 * concatenated and projected by {@code W_O}. The toy has no biases, so every number comes from the matrices shown.
 * Sums run in double and are stored as float, like the tensors of a real model.
 */
@Component(service = AttentionTracer.class)
public class SelfAttentionTracer implements AttentionTracer {

    /**
     * The four projections of a toy attention, each {@code [d][d]} and applied on the right ({@code x W}).
     *
     * @param query W_Q
     * @param key W_K
     * @param value W_V
     * @param output W_O
     */
    public record Weights(float[][] query, float[][] key, float[][] value, float[][] output) {
    }

    @Override
    public SelfAttentionTrace trace(float[][] input, int heads, long seed) {
        Objects.requireNonNull(input, "input");
        if (input.length == 0) {
            throw new IllegalArgumentException("the input has no tokens");
        }
        return trace(input, heads, weights(input[0].length, seed));
    }

    /**
     * Seeded random projections: uniform in {@code ±sqrt(3/d)}, variance {@code 1/d}, so that on unit-variance
     * inputs Q, K and V keep unit variance and the scaled scores stay near 1 (neither uniform nor one-hot softmax).
     *
     * @param d the model width
     * @param seed the seed
     * @return W_Q, W_K, W_V, W_O, drawn in that order, row by row
     */
    public static Weights weights(int d, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double bound = Math.sqrt(3.0 / d);
        return new Weights(matrix(random, d, d, bound), matrix(random, d, d, bound), matrix(random, d, d, bound),
                matrix(random, d, d, bound));
    }

    /**
     * Seeded random token vectors, each row shifted and scaled to mean 0 and variance 1, as BERT's embedding
     * LayerNorm leaves them (with unit gain and zero bias). Drawn from a stream other than {@link #weights}'s.
     *
     * @param tokens n
     * @param d the model width
     * @param seed the seed
     * @return {@code [n][d]}
     */
    public static float[][] input(int tokens, int d, long seed) {
        float[][] x = matrix(new SplittableRandom(~seed), tokens, d, 1);
        for (float[] row : x) {
            double mean = 0;
            for (float v : row) {
                mean += v;
            }
            mean /= d;
            double variance = 0;
            for (float v : row) {
                variance += (v - mean) * (v - mean);
            }
            double std = Math.sqrt(variance / d);
            for (int j = 0; j < d; j++) {
                row[j] = (float) ((row[j] - mean) / std);
            }
        }
        return x;
    }

    /**
     * Traces one self-attention with given projections.
     *
     * @param input the token vectors, {@code [n][d]}
     * @param heads h; must divide d
     * @param w the projections, {@code [d][d]} each
     * @return every step
     */
    public static SelfAttentionTrace trace(float[][] input, int heads, Weights w) {
        int n = input.length;
        int d = input[0].length;
        if (heads < 1 || d % heads != 0) {
            throw new IllegalArgumentException("the number of heads (" + heads + ") must divide the width (" + d + ")");
        }
        for (float[] row : input) {
            if (row.length != d) {
                throw new IllegalArgumentException("every token vector must have " + d + " values");
            }
        }
        int dh = d / heads;
        float[][] q = multiply(input, w.query());
        float[][] k = multiply(input, w.key());
        float[][] v = multiply(input, w.value());
        double scale = 1 / Math.sqrt(dh);
        float[] queries = new float[heads * n * dh];
        float[] keys = new float[heads * n * dh];
        float[] values = new float[heads * n * dh];
        float[] scores = new float[heads * n * n];
        float[] probabilities = new float[heads * n * n];
        float[] headOutputs = new float[heads * n * dh];
        float[][] concatenated = new float[n][d];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < dh; c++) {
                    int at = (h * n + i) * dh + c;
                    queries[at] = q[i][h * dh + c];
                    keys[at] = k[i][h * dh + c];
                    values[at] = v[i][h * dh + c];
                }
            }
            for (int i = 0; i < n; i++) {
                int row = (h * n + i) * n;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    double dot = 0;
                    for (int c = 0; c < dh; c++) {
                        dot += (double) q[i][h * dh + c] * k[j][h * dh + c];
                    }
                    scores[row + j] = (float) (dot * scale);
                    max = Math.max(max, scores[row + j]);
                }
                // subtracting the row maximum changes no probability and keeps exp from overflowing
                double sum = 0;
                double[] e = new double[n];
                for (int j = 0; j < n; j++) {
                    e[j] = Math.exp(scores[row + j] - max);
                    sum += e[j];
                }
                for (int j = 0; j < n; j++) {
                    probabilities[row + j] = (float) (e[j] / sum);
                }
                for (int c = 0; c < dh; c++) {
                    double weighted = 0;
                    for (int j = 0; j < n; j++) {
                        weighted += (double) probabilities[row + j] * v[j][h * dh + c];
                    }
                    headOutputs[(h * n + i) * dh + c] = (float) weighted;
                    concatenated[i][h * dh + c] = (float) weighted;
                }
            }
        }
        float[][] output = multiply(concatenated, w.output());
        return new SelfAttentionTrace(tensor(input), Tensor.of(queries, heads, n, dh), Tensor.of(keys, heads, n, dh),
                Tensor.of(values, heads, n, dh), Tensor.of(scores, heads, n, n),
                Tensor.of(probabilities, heads, n, n), Tensor.of(headOutputs, heads, n, dh), tensor(output));
    }

    /** {@code a b} for {@code [n][m]} times {@code [m][p]}, summed in double. */
    static float[][] multiply(float[][] a, float[][] b) {
        int inner = b.length;
        int p = b[0].length;
        float[][] out = new float[a.length][p];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < p; j++) {
                double sum = 0;
                for (int m = 0; m < inner; m++) {
                    sum += (double) a[i][m] * b[m][j];
                }
                out[i][j] = (float) sum;
            }
        }
        return out;
    }

    static Tensor tensor(float[][] rows) {
        int cols = rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return Tensor.of(flat, rows.length, cols);
    }

    private static float[][] matrix(SplittableRandom random, int rows, int cols, double bound) {
        float[][] m = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                m[i][j] = (float) (bound * (2 * random.nextDouble() - 1));
            }
        }
        return m;
    }
}
