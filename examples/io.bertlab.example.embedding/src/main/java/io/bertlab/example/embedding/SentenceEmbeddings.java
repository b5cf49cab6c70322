package io.bertlab.example.embedding;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import java.util.List;

/**
 * Sentence embeddings from a {@link Tokenizer} and a {@link Model}, as sentence-transformers makes them for
 * all-MiniLM-L6-v2: the mean of the last hidden state over the attended tokens, scaled to unit length. Plain Java:
 * it works on whatever services (or objects) it is given.
 */
public final class SentenceEmbeddings {

    private final Tokenizer tokenizer;
    private final Model model;

    /**
     * @param tokenizer the model's tokenizer
     * @param model the model
     */
    public SentenceEmbeddings(Tokenizer tokenizer, Model model) {
        this.tokenizer = tokenizer;
        this.model = model;
    }

    /**
     * Embeds texts in one forward pass, each cut to the model's maximum length.
     *
     * @param texts the texts
     * @return one unit-length vector per text, in order
     */
    public float[][] embed(List<String> texts) {
        EncodeOptions options = EncodeOptions.of(tokenizer.defaults().addSpecialTokens(),
                Truncation.longestFirst(model.config().maxPositionEmbeddings()), null);
        List<Encoding> encodings = tokenizer.encodeBatch(texts, options);
        Batch batch = padded(encodings);
        Tensor hidden = model.forward(batch).lastHiddenState();
        float[][] embeddings = new float[texts.size()][];
        for (int row = 0; row < texts.size(); row++) {
            embeddings[row] = normalized(meanOfAttended(hidden, batch, row));
        }
        return embeddings;
    }

    /**
     * The cosine similarity of two unit-length vectors: their dot product.
     *
     * @param a a unit vector
     * @param b a unit vector of the same length
     * @return the cosine, in [-1, 1]
     */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * (double) b[i];
        }
        return dot;
    }

    /** Right-padded with id 0 and attention mask 0 up to the longest encoding. */
    private static Batch padded(List<Encoding> encodings) {
        int length = encodings.stream().mapToInt(Encoding::length).max().orElse(0);
        int[][] ids = new int[encodings.size()][length];
        int[][] types = new int[encodings.size()][length];
        int[][] mask = new int[encodings.size()][length];
        for (int row = 0; row < encodings.size(); row++) {
            Encoding encoding = encodings.get(row);
            System.arraycopy(encoding.ids(), 0, ids[row], 0, encoding.length());
            System.arraycopy(encoding.typeIds(), 0, types[row], 0, encoding.length());
            System.arraycopy(encoding.attentionMask(), 0, mask[row], 0, encoding.length());
        }
        return new Batch(ids, types, mask);
    }

    private static double[] meanOfAttended(Tensor hidden, Batch batch, int row) {
        double[] sum = new double[hidden.dim(2)];
        int count = 0;
        for (int position = 0; position < batch.sequenceLength(); position++) {
            if (batch.attended(row, position)) {
                float[] state = hidden.vector(row, position);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += state[i];
                }
                count++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= Math.max(count, 1);
        }
        return sum;
    }

    private static float[] normalized(double[] vector) {
        double norm = 0;
        for (double v : vector) {
            norm += v * v;
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
