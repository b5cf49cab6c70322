package io.bertlab.api.glue;

/**
 * A model's answer for one example.
 *
 * @param id the example's id
 * @param label the predicted label index for classification, {@link Example#NO_LABEL} for regression
 * @param score the predicted score for regression, {@link Double#NaN} otherwise
 */
public record Prediction(String id, int label, double score) {
}
