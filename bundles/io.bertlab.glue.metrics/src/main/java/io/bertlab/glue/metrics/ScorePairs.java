package io.bertlab.glue.metrics;

/**
 * Gold and predicted scores, aligned by position, as checked by {@link MetricInputs#scores}.
 *
 * @param gold the gold scores (each finite)
 * @param predicted the predicted scores (each finite), as many as {@code gold}
 */
record ScorePairs(double[] gold, double[] predicted) {
}
