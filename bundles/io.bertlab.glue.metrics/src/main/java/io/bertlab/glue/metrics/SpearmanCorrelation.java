package io.bertlab.glue.metrics;

import io.bertlab.api.glue.Metric;
import org.osgi.service.component.annotations.Component;

/**
 * {@code spearman}: the Spearman rank correlation of predicted and gold scores, as SciPy's {@code stats.spearmanr}:
 * the Pearson correlation of their average ranks (ties share the mean rank, which matters for STS-B, whose gold
 * scores tie often); NaN when either is constant, and for a single example (where SciPy too returns NaN).
 */
@Component(service = Metric.class, property = Metric.METRIC + "=" + SpearmanCorrelation.NAME)
public final class SpearmanCorrelation extends RegressionMetric {

    /** The metric's name. */
    public static final String NAME = "spearman";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    double value(double[] gold, double[] predicted) {
        return Correlation.pearson(Ranks.average(gold), Ranks.average(predicted));
    }
}
