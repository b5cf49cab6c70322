package io.bertlab.api.glue;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An evaluation metric as GLUE computes it (scikit-learn and SciPy semantics), registered as a service with
 * {@value #METRIC} set to its {@link #name()}. Tasks name the metrics they are scored by ({@link GlueTask#metrics()}).
 *
 * <p>Standard names: {@code accuracy}, {@code f1} (binary, positive class 1), {@code f1_macro},
 * {@code matthews_correlation}, {@code pearson}, {@code spearman} (average ranks for ties), {@code mse}.
 */
@ProviderType
public interface Metric {

    /** Service property naming the metric, e.g. {@code matthews_correlation}. */
    String METRIC = "bertlab.glue.metric";

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
     * @return the value (accuracy and F1 in [0, 1]; correlations in [-1, 1]; NaN where SciPy gives NaN, e.g. the
     *         Pearson correlation of a constant vector)
     * @throws IllegalArgumentException when the lists differ in length or an example has no gold label
     */
    double compute(List<Prediction> predictions, List<Example> gold);

    /**
     * Whether a larger value is better (all of GLUE's metrics; not an error such as {@code mse}). Runners choose the
     * best checkpoint with it.
     *
     * @return true unless the metric is an error
     */
    default boolean higherIsBetter() {
        return true;
    }
}
