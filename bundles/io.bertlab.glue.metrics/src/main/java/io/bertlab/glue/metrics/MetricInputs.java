package io.bertlab.glue.metrics;

import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.Prediction;
import java.util.List;

/**
 * Checks a metric's inputs and turns them into plain arrays, so that every metric rejects bad input the same way and
 * with a message that names the offending example.
 */
final class MetricInputs {

    private MetricInputs() {
    }

    /**
     * The class labels of predictions and their gold examples.
     *
     * @param metric the metric's name, for messages
     * @param predictions the predictions
     * @param gold the gold examples
     * @return the labels, aligned
     * @throws IllegalArgumentException when the lists are empty or differ in length, or an example or a prediction
     *         has no label
     */
    static LabelPairs labels(String metric, List<Prediction> predictions, List<Example> gold) {
        int n = checkSizes(metric, predictions, gold);
        int[] goldLabels = new int[n];
        int[] predictedLabels = new int[n];
        for (int i = 0; i < n; i++) {
            Example example = gold.get(i);
            Prediction prediction = predictions.get(i);
            // Any negative label, not only NO_LABEL, would be counted as a class of its own: refuse it.
            if (example.label() < 0) {
                throw new IllegalArgumentException(metric + ": gold example " + describe(example)
                        + " has no label (" + example.label() + "); " + metric
                        + " needs labelled classification examples");
            }
            if (prediction.label() < 0) {
                throw new IllegalArgumentException(metric + ": prediction for example '" + prediction.id()
                        + "' (position " + i + ") has no label (" + prediction.label() + ")");
            }
            goldLabels[i] = example.label();
            predictedLabels[i] = prediction.label();
        }
        return new LabelPairs(goldLabels, predictedLabels);
    }

    /**
     * The scores of predictions and their gold examples.
     *
     * @param metric the metric's name, for messages
     * @param predictions the predictions
     * @param gold the gold examples
     * @return the scores, aligned
     * @throws IllegalArgumentException when the lists are empty or differ in length, or an example or a prediction
     *         has no finite score
     */
    static ScorePairs scores(String metric, List<Prediction> predictions, List<Example> gold) {
        int n = checkSizes(metric, predictions, gold);
        double[] goldScores = new double[n];
        double[] predictedScores = new double[n];
        for (int i = 0; i < n; i++) {
            Example example = gold.get(i);
            Prediction prediction = predictions.get(i);
            // NaN marks "no score"; infinities are refused too, as scikit-learn refuses them ("Input contains
            // infinity"), rather than silently turning into a NaN or infinite metric.
            if (!Double.isFinite(example.score())) {
                throw new IllegalArgumentException(metric + ": gold example " + describe(example)
                        + " has no score (" + example.score() + "); " + metric
                        + " needs examples with a gold regression score");
            }
            if (!Double.isFinite(prediction.score())) {
                throw new IllegalArgumentException(metric + ": prediction for example '" + prediction.id()
                        + "' (position " + i + ") has no finite score (" + prediction.score() + ")");
            }
            goldScores[i] = example.score();
            predictedScores[i] = prediction.score();
        }
        return new ScorePairs(goldScores, predictedScores);
    }

    private static int checkSizes(String metric, List<Prediction> predictions, List<Example> gold) {
        if (predictions == null || gold == null) {
            throw new IllegalArgumentException(metric + ": predictions and gold examples are required");
        }
        if (predictions.size() != gold.size()) {
            throw new IllegalArgumentException(metric + ": " + predictions.size() + " predictions for "
                    + gold.size() + " gold examples; they must be aligned one to one");
        }
        if (gold.isEmpty()) {
            throw new IllegalArgumentException(metric + ": no examples to evaluate");
        }
        return gold.size();
    }

    private static String describe(Example example) {
        return "'" + example.id() + "' (line " + example.line() + ")";
    }
}
