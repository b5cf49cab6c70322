package io.bertlab.glue;

import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Metric;
import io.bertlab.api.glue.Prediction;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A task's metrics, resolved to the installed {@link Metric} services once, applied to predictions. */
final class Scorer {

    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    /**
     * Resolves the metrics a task names.
     *
     * @throws IOException when one is not installed
     */
    Scorer(GlueTask task, GlueServices services) throws IOException {
        this(task.metrics(), services);
    }

    /**
     * Resolves metrics by name.
     *
     * @throws IOException when one is not installed
     */
    Scorer(List<String> names, GlueServices services) throws IOException {
        for (String name : names) {
            metrics.put(name, services.metric(name));
        }
    }

    /** The main metric: the first the task names. */
    String mainMetric() {
        return metrics.keySet().iterator().next();
    }

    /** Whether {@code candidate} beats {@code best} on the main metric (NaN never wins; anything beats nothing). */
    boolean better(double candidate, Double best) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        if (best == null || Double.isNaN(best)) {
            return true;
        }
        return metrics.get(mainMetric()).higherIsBetter() ? candidate > best : candidate < best;
    }

    /** Every metric, in the task's order. */
    Map<String, Double> score(List<Prediction> predictions, List<Example> gold) {
        Map<String, Double> values = new LinkedHashMap<>();
        metrics.forEach((name, metric) -> values.put(name, metric.compute(predictions, gold)));
        return values;
    }
}
