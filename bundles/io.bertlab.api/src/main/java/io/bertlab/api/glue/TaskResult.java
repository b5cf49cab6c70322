package io.bertlab.api.glue;

import java.util.Map;

/**
 * One row of the paper-style results table: a task evaluated on a split by a model on an engine.
 *
 * @param task the task's name
 * @param split the split's name
 * @param engine the engine that ran the model, e.g. {@code java}
 * @param metrics metric name to value, in the task's metric order
 * @param examples the number of examples evaluated
 * @param problems the number of malformed rows reported (and not evaluated)
 */
public record TaskResult(String task, String split, String engine, Map<String, Double> metrics, int examples,
        int problems) {

    /**
     * Copies the metrics.
     *
     * @param task the task
     * @param split the split
     * @param engine the engine
     * @param metrics the metrics
     * @param examples the examples count
     * @param problems the problems count
     */
    public TaskResult {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
}
