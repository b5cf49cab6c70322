package io.bertlab.api.glue;

import java.util.Objects;

/**
 * One example of a GLUE split.
 *
 * @param id the example's id as the submission file needs it (the {@code index} column, or the row number)
 * @param textA the first sentence
 * @param textB the second sentence of a pair task, else {@code null}
 * @param label the gold label's index for classification, {@link #NO_LABEL} for regression or unlabelled rows
 * @param score the gold score for regression (STS-B), {@link Double#NaN} otherwise
 * @param line the 1-based line of the row in its file, for messages
 */
public record Example(String id, String textA, String textB, int label, double score, long line) {

    /** The label of an example that has none. */
    public static final int NO_LABEL = -1;

    /**
     * Validates the fields.
     *
     * @param id the id
     * @param textA the first sentence
     * @param textB the second sentence or {@code null}
     * @param label the label index or {@link #NO_LABEL}
     * @param score the score or NaN
     * @param line the line
     */
    public Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(textA, "textA");
    }

    /** @return whether the example is a sentence pair */
    public boolean isPair() {
        return textB != null;
    }
}
