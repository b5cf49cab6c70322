package io.bertlab.api.glue;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** An evaluation metric as GLUE computes it: accuracy, F1, Matthews correlation, Pearson and Spearman. */
@ProviderType
public interface Metric {

    /**
     * The metric's name as reports print it.
     *
     * @return e.g. {@code matthews_correlation}
     */
    String name();

    /**
     * Computes the metric.
     *
     * @param predictions the predictions, aligned with {@code gold}
     * @param gold the labelled examples
     * @return the value (accuracy and F1 in [0, 1]; correlations in [-1, 1])
     * @throws IllegalArgumentException when the lists differ in length or an example has no gold label
     */
    double compute(List<Prediction> predictions, List<Example> gold);
}
