package io.bertlab.glue.metrics;

import io.bertlab.api.glue.Metric;
import java.util.Arrays;
import org.osgi.service.component.annotations.Component;

/**
 * {@code f1}: the F1 score of label 1, as scikit-learn's {@code f1_score(average='binary', pos_label=1)} with its
 * default {@code zero_division} (0.0 when label 1 is neither in gold nor predicted).
 *
 * <p>Like scikit-learn it refuses input that is not binary (more than two labels: use {@code f1_macro}) and two
 * labels of which none is 1, rather than report a number that means nothing.
 */
@Component(service = Metric.class, property = Metric.METRIC + "=" + BinaryF1.NAME)
public final class BinaryF1 extends ClassificationMetric {

    /** The metric's name. */
    public static final String NAME = "f1";

    /** The positive label. */
    static final int POSITIVE = 1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    double value(ConfusionMatrix matrix) {
        int[] labels = matrix.labels();
        if (labels.length > 2) {
            throw new IllegalArgumentException(NAME + " is binary but the labels are " + Arrays.toString(labels)
                    + "; use f1_macro for more than two classes");
        }
        if (labels.length == 2 && matrix.goldCount(POSITIVE) + matrix.predictedCount(POSITIVE) == 0) {
            throw new IllegalArgumentException(NAME + ": the positive label " + POSITIVE
                    + " is not one of the labels present " + Arrays.toString(labels));
        }
        return matrix.f1(POSITIVE);
    }
}
