package io.bertlab.model.service.command;

import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ForwardResult;
import java.util.Locale;

/**
 * How one vector is made from a sequence's hidden states. Public (the package stays private to the bundle) so that
 * code outside OSGi that embeds as {@code embed} does, such as {@code io.bertlab.spark}, runs this very code.
 */
public enum Pooling {
    /** The mean of the hidden states of the attended tokens (sentence-transformers' default). */
    MEAN,
    /** The hidden state of the first token, {@code [CLS]}. */
    CLS,
    /** BERT's pooler output: tanh(dense(hidden state of {@code [CLS]})). */
    POOLER;

    /**
     * The pooling {@code --pooling} names.
     *
     * @param value {@code mean}, {@code cls} or {@code pooler} (any case)
     * @return the pooling
     * @throws UsageException for any other value
     */
    public static Pooling parse(String value) throws UsageException {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("embed: --pooling expects mean, cls or pooler, got '" + value + "'");
        }
    }

    /**
     * Checks that a model's output can be pooled this way. Whether a checkpoint has a pooler shows only in its
     * output, so this runs after the first forward pass, before anything is written.
     *
     * @param result a forward pass's output
     * @param model the model as the user named it
     * @throws CommandException for {@link #POOLER} on a model without one
     */
    public void requireSupportedBy(ForwardResult result, String model) throws CommandException {
        if (this == POOLER && !result.hasPooledOutput()) {
            throw new CommandException("--pooling pooler: model " + model + " has no pooler (its checkpoint leaves"
                    + " the pooler weights out); use --pooling mean or cls");
        }
    }

    /**
     * One row's vector.
     *
     * @param result the forward pass's output
     * @param batch the batch it ran on (its attention mask says which tokens {@link #MEAN} averages)
     * @param row the row
     * @return a new vector of the model's width
     */
    public float[] pool(ForwardResult result, Batch batch, int row) {
        int hidden = result.lastHiddenState().dim(2);
        switch (this) {
            case CLS:
                return result.lastHiddenState().vector(row, 0);
            case POOLER:
                return result.pooledOutput().vector(row);
            default:
                float[] sum = new float[hidden];
                int count = 0;
                for (int position = 0; position < batch.sequenceLength(); position++) {
                    if (batch.attended(row, position)) {
                        float[] state = result.lastHiddenState().vector(row, position);
                        for (int i = 0; i < hidden; i++) {
                            sum[i] += state[i];
                        }
                        count++;
                    }
                }
                for (int i = 0; i < hidden; i++) {
                    sum[i] /= Math.max(count, 1);
                }
                return sum;
        }
    }

    /**
     * Scales a vector to unit length in place ({@code --normalize}); a zero vector stays zero.
     *
     * @param vector the vector
     */
    public static void normalize(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * (double) v;
        }
        norm = Math.max(Math.sqrt(norm), 1e-12);
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (vector[i] / norm);
        }
    }
}
