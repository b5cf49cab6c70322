package io.bertlab.glue.metrics;

/**
 * Gold and predicted class labels, aligned by position, as checked by {@link MetricInputs#labels}.
 *
 * @param gold the gold labels (each &ge; 0)
 * @param predicted the predicted labels (each &ge; 0), as many as {@code gold}
 */
record LabelPairs(int[] gold, int[] predicted) {
}
