package io.bertlab.glue.metrics;

import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.Metric;
import io.bertlab.api.glue.Prediction;
import java.util.List;

/**
 * A metric of predicted against gold class labels ({@link Prediction#label()} against {@link Example#label()}),
 * computed from their {@link ConfusionMatrix}.
 */
abstract class ClassificationMetric implements Metric {

    @Override
    public final double compute(List<Prediction> predictions, List<Example> gold) {
        return value(new ConfusionMatrix(MetricInputs.labels(name(), predictions, gold)));
    }

    /**
     * The metric of a confusion matrix.
     *
     * @param matrix the matrix of at least one example
     * @return the value
     * @throws IllegalArgumentException where scikit-learn raises a {@code ValueError}
     */
    abstract double value(ConfusionMatrix matrix);
}
