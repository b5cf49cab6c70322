package io.bertlab.glue.metrics;

import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.Metric;
import io.bertlab.api.glue.Prediction;
import java.util.List;

/** A metric of predicted against gold scores ({@link Prediction#score()} against {@link Example#score()}). */
abstract class RegressionMetric implements Metric {

    @Override
    public final double compute(List<Prediction> predictions, List<Example> gold) {
        ScorePairs pairs = MetricInputs.scores(name(), predictions, gold);
        return value(pairs.gold(), pairs.predicted());
    }

    /**
     * The metric of aligned scores.
     *
     * @param gold the gold scores, at least one, all finite
     * @param predicted the predicted scores, as many, all finite
     * @return the value
     * @throws IllegalArgumentException where SciPy or scikit-learn raise a {@code ValueError}
     */
    abstract double value(double[] gold, double[] predicted);
}
