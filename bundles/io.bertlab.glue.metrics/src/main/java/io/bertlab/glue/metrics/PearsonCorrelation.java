package io.bertlab.glue.metrics;

import io.bertlab.api.glue.Metric;
import org.osgi.service.component.annotations.Component;

/**
 * {@code pearson}: the Pearson correlation of predicted and gold scores, as SciPy's {@code stats.pearsonr}: NaN when
 * either is constant; at least two examples (SciPy raises for one, so does this).
 */
@Component(service = Metric.class, property = Metric.METRIC + "=" + PearsonCorrelation.NAME)
public final class PearsonCorrelation extends RegressionMetric {

    /** The metric's name. */
    public static final String NAME = "pearson";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    double value(double[] gold, double[] predicted) {
        if (gold.length < 2) {
            throw new IllegalArgumentException(NAME + " needs at least 2 examples, got " + gold.length);
        }
        return Correlation.pearson(gold, predicted);
    }
}
