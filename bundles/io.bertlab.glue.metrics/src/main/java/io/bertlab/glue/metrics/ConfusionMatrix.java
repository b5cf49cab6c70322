package io.bertlab.glue.metrics;

import java.util.Arrays;

/**
 * The confusion matrix of aligned gold and predicted labels over the labels present in either, as scikit-learn's
 * {@code confusion_matrix} builds it: rows are gold labels, columns predicted labels, both in ascending label order.
 * Every classification metric is a function of it.
 */
final class ConfusionMatrix {

    /** The labels present in gold or predictions, ascending. */
    private final int[] labels;
    /** {@code counts[g][p]}: examples of gold label {@code labels[g]} predicted as {@code labels[p]}. */
    private final long[][] counts;
    private final long[] goldTotals;
    private final long[] predictedTotals;
    private final long total;

    /**
     * Counts the pairs.
     *
     * @param pairs the aligned labels
     */
    ConfusionMatrix(LabelPairs pairs) {
        int[] gold = pairs.gold();
        int[] predicted = pairs.predicted();
        // Labels are arbitrary non-negative ints: index them through the sorted union rather than by value, so that a
        // stray large label costs nothing.
        int[] all = Arrays.copyOf(gold, gold.length + predicted.length);
        System.arraycopy(predicted, 0, all, gold.length, predicted.length);
        labels = Arrays.stream(all).sorted().distinct().toArray();
        int k = labels.length;
        counts = new long[k][k];
        goldTotals = new long[k];
        predictedTotals = new long[k];
        for (int i = 0; i < gold.length; i++) {
            int g = Arrays.binarySearch(labels, gold[i]);
            int p = Arrays.binarySearch(labels, predicted[i]);
            counts[g][p]++;
            goldTotals[g]++;
            predictedTotals[p]++;
        }
        total = gold.length;
    }

    /** @return the labels present in gold or predictions, ascending */
    int[] labels() {
        return labels.clone();
    }

    /** @return the number of examples */
    long total() {
        return total;
    }

    /** @return the number of examples predicted right (the trace) */
    long correct() {
        long sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum += counts[i][i];
        }
        return sum;
    }

    /**
     * @param label a label
     * @return the examples of that gold label predicted as it; 0 for a label not present
     */
    long truePositives(int label) {
        int i = Arrays.binarySearch(labels, label);
        return i < 0 ? 0 : counts[i][i];
    }

    /**
     * @param label a label
     * @return the examples whose gold label it is (the row total); 0 for a label not present
     */
    long goldCount(int label) {
        int i = Arrays.binarySearch(labels, label);
        return i < 0 ? 0 : goldTotals[i];
    }

    /**
     * @param label a label
     * @return the examples predicted as it (the column total); 0 for a label not present
     */
    long predictedCount(int label) {
        int i = Arrays.binarySearch(labels, label);
        return i < 0 ? 0 : predictedTotals[i];
    }

    /**
     * The F1 score of one label taken as the positive class, {@code 2·tp / (gold + predicted)} (the harmonic mean of
     * precision and recall, without their two divisions), and 0 where scikit-learn's default {@code zero_division}
     * gives 0: a label neither in gold nor predicted.
     *
     * @param label the positive label
     * @return its F1 in [0, 1]
     */
    double f1(int label) {
        long denominator = goldCount(label) + predictedCount(label);
        return denominator == 0 ? 0.0 : 2.0 * truePositives(label) / denominator;
    }
}
