package io.bertlab.glue.metrics;

import io.bertlab.api.glue.Metric;
import org.osgi.service.component.annotations.Component;

/** {@code accuracy}: the fraction of examples predicted right, as scikit-learn's {@code accuracy_score}. */
@Component(service = Metric.class, property = Metric.METRIC + "=" + Accuracy.NAME)
public final class Accuracy extends ClassificationMetric {

    /** The metric's name. */
    public static final String NAME = "accuracy";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    double value(ConfusionMatrix matrix) {
        return (double) matrix.correct() / matrix.total();
    }
}
