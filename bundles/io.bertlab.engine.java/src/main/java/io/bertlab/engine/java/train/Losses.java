package io.bertlab.engine.java.train;

import io.bertlab.api.model.HeadTarget;

/** The losses of task heads, each returning its value and writing its gradient with respect to the logits. */
final class Losses {

    private Losses() {
    }

    /**
     * Softmax cross-entropy averaged over the rows whose label is not {@link HeadTarget.TokenLabels#IGNORE}.
     *
     * @param logits {@code [rows, classes]}
     * @param classes classes per row
     * @param labels one per row: a class index or {@code IGNORE}
     * @param dLogits receives the gradient, {@code [rows, classes]}
     * @param head the head's name, for errors
     * @return the mean loss, {@code 0} when every row is ignored
     */
    static double crossEntropy(float[] logits, int classes, int[] labels, float[] dLogits, String head) {
        int counted = 0;
        for (int label : labels) {
            if (label != HeadTarget.TokenLabels.IGNORE) {
                if (label < 0 || label >= classes) {
                    throw new IllegalArgumentException("head '" + head + "': label " + label + " is outside [0, "
                            + classes + ")");
                }
                counted++;
            }
        }
        java.util.Arrays.fill(dLogits, 0f);
        if (counted == 0) {
            return 0;
        }
        double total = 0;
        for (int r = 0; r < labels.length; r++) {
            if (labels[r] == HeadTarget.TokenLabels.IGNORE) {
                continue;
            }
            int base = r * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[base + c] - max);
            }
            double logSum = max + Math.log(sum);
            total += logSum - logits[base + labels[r]];
            for (int c = 0; c < classes; c++) {
                double probability = Math.exp(logits[base + c] - logSum);
                dLogits[base + c] = (float) ((probability - (c == labels[r] ? 1 : 0)) / counted);
            }
        }
        return total / counted;
    }

    /**
     * Mean squared error of one output per row.
     *
     * @param outputs {@code [rows]}
     * @param targets {@code [rows]}
     * @param dOutputs receives the gradient
     * @return the mean of the squared differences
     */
    static double meanSquaredError(float[] outputs, float[] targets, float[] dOutputs) {
        double total = 0;
        for (int i = 0; i < outputs.length; i++) {
            double difference = outputs[i] - targets[i];
            total += difference * difference;
            dOutputs[i] = (float) (2 * difference / outputs.length);
        }
        return total / outputs.length;
    }
}
