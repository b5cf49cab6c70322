package io.bertlab.analysis;

import java.util.Objects;

/**
 * What the neuron view shows of one layer: every head's query and key vectors for every token, the engine's own
 * attention probabilities, and how closely {@code softmax(q·k/√d)} computed from these vectors reproduces them.
 *
 * <p>The vectors are the layer's projections of its input, {@code Q = h W_qᵀ + b_q} and {@code K = h W_kᵀ + b_k}
 * ({@code [n, hidden]}, head {@code h} in columns {@code h·d .. h·d + d − 1}, {@code d = hidden / heads}), rounded
 * to float after a computation in double: the page receives exactly these floats. Arrays are held, not copied.
 *
 * @param tokens the tokens, special tokens included
 * @param sentenceBStart the first token of segment B, or -1 for a single text
 * @param attended the attention mask: 1 for a token, 0 for padding (a key nobody attends to)
 * @param layer the layer, from 0
 * @param head the head shown first, from 0
 * @param heads the layer's number of heads
 * @param headSize {@code d}, the width of one head
 * @param queries {@code Q}, {@code [n, heads · d]} row-major
 * @param keys {@code K}, {@code [n, heads · d]} row-major
 * @param attention the engine's attention probabilities of this layer, {@code [heads, n, n]}, row = query
 * @param deviation the largest {@code |softmax(q_i·k_j/√d) − attention|} over every head, query and key, with the
 *        softmax computed in double from the float {@code queries} and {@code keys}
 */
public record NeuronView(String[] tokens, int sentenceBStart, int[] attended, int layer, int head, int heads, int headSize,
        float[] queries, float[] keys, float[] attention, double deviation) {

    /**
     * How far the recomputed softmax may be from the engine's and still count as the same attention. The engines
     * work in float32: a score is a d-term dot product of vectors that are themselves hidden-size float sums of
     * values of size up to about 10, so float rounding (2^-24 relative per operation, growing like the square root
     * of the number of terms) leaves score errors of order 1e-6 to 1e-5, and a probability moves by at most half its
     * score's error. Measured (NeuronCaptureTest, every head of every layer): all-MiniLM-L6-v2 1.7e-6 over 21 tokens
     * and 4.0e-6 over 512 on the Java engine, 1.0e-6 on PyTorch and 1.1e-6 on MXNet; BERT-base uncased 1.5e-6 over
     * 21 tokens and 3.9e-6 to 4.9e-6 over 512. A real mismatch — heads swapped, a missing scale or bias, weights other than the
     * engine's, an attention that is not BERT's — moves probabilities by 1e-2 or more.
     */
    public static final double TOLERANCE = 1e-5;

    /**
     * Validates the shapes.
     *
     * @param tokens see the record description
     * @param sentenceBStart see the record description
     * @param attended see the record description
     * @param layer see the record description
     * @param head see the record description
     * @param heads see the record description
     * @param headSize see the record description
     * @param queries see the record description
     * @param keys see the record description
     * @param attention see the record description
     * @param deviation see the record description
     */
    public NeuronView {
        Objects.requireNonNull(tokens, "tokens");
        int n = tokens.length;
        if (attended.length != n) {
            throw new IllegalArgumentException(n + " tokens but an attention mask of " + attended.length);
        }
        if (n == 0 || heads <= 0 || headSize <= 0) {
            throw new IllegalArgumentException("a neuron view needs tokens, heads and a head size");
        }
        if (layer < 0 || head < 0 || head >= heads) {
            throw new IllegalArgumentException("layer " + layer + ", head " + head + " of " + heads + " heads");
        }
        if (queries.length != n * heads * headSize || keys.length != n * heads * headSize) {
            throw new IllegalArgumentException("queries and keys must be [" + n + ", " + heads * headSize + "]");
        }
        if (attention.length != heads * n * n) {
            throw new IllegalArgumentException("attention must be [" + heads + ", " + n + ", " + n + "]");
        }
    }

    /**
     * Whether the vectors reproduce the engine's attention.
     *
     * @return true when {@link #deviation()} is at most {@link #TOLERANCE}
     */
    public boolean agrees() {
        return deviation <= TOLERANCE;
    }

    /**
     * One head's query vector of one token.
     *
     * @param h the head
     * @param i the token
     * @return {@code q_i}, {@code d} values
     */
    public float[] query(int h, int i) {
        return slice(queries, h, i);
    }

    /**
     * One head's key vector of one token.
     *
     * @param h the head
     * @param j the token
     * @return {@code k_j}, {@code d} values
     */
    public float[] key(int h, int j) {
        return slice(keys, h, j);
    }

    /**
     * One scaled score, in double from the float vectors (as the page computes it).
     *
     * @param h the head
     * @param i the query token
     * @param j the key token
     * @return {@code q_i·k_j / √d}
     */
    public double score(int h, int i, int j) {
        int width = heads * headSize;
        double dot = 0;
        for (int c = h * headSize; c < (h + 1) * headSize; c++) {
            dot += (double) queries[i * width + c] * keys[j * width + c];
        }
        return dot / Math.sqrt(headSize);
    }

    /**
     * One of the engine's probabilities.
     *
     * @param h the head
     * @param i the query token
     * @param j the key token
     * @return how much token {@code i} attends to token {@code j} in head {@code h}
     */
    public float attention(int h, int i, int j) {
        int n = tokens.length;
        return attention[(h * n + i) * n + j];
    }

    private float[] slice(float[] matrix, int h, int t) {
        float[] v = new float[headSize];
        System.arraycopy(matrix, t * heads * headSize + h * headSize, v, 0, headSize);
        return v;
    }
}
