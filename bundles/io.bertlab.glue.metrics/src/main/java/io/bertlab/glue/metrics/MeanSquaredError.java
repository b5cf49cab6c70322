package io.bertlab.glue.metrics;

import io.bertlab.api.glue.Metric;
import org.osgi.service.component.annotations.Component;

/**
 * {@code mse}: the mean squared difference of predicted and gold scores, as scikit-learn's
 * {@code mean_squared_error}. An error: lower is better.
 */
@Component(service = Metric.class, property = Metric.METRIC + "=" + MeanSquaredError.NAME)
public final class MeanSquaredError extends RegressionMetric {

    /** The metric's name. */
    public static final String NAME = "mse";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean higherIsBetter() {
        return false;
    }

    @Override
    double value(double[] gold, double[] predicted) {
        CompensatedSum sum = new CompensatedSum();
        for (int i = 0; i < gold.length; i++) {
            double difference = predicted[i] - gold[i];
            sum.add(difference * difference);
        }
        return sum.value() / gold.length;
    }
}
