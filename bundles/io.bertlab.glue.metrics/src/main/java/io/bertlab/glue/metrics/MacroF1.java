package io.bertlab.glue.metrics;

import io.bertlab.api.glue.Metric;
import org.osgi.service.component.annotations.Component;

/**
 * {@code f1_macro}: the unweighted mean of every label's F1, over the labels present in gold or predictions, as
 * scikit-learn's {@code f1_score(average='macro')}.
 */
@Component(service = Metric.class, property = Metric.METRIC + "=" + MacroF1.NAME)
public final class MacroF1 extends ClassificationMetric {

    /** The metric's name. */
    public static final String NAME = "f1_macro";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    double value(ConfusionMatrix matrix) {
        int[] labels = matrix.labels();
        double sum = 0;
        for (int label : labels) {
            sum += matrix.f1(label);
        }
        return sum / labels.length;
    }
}
