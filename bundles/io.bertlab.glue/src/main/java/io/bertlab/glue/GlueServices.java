package io.bertlab.glue;

import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Metric;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The GLUE tasks and metrics installed right now, by name: every command of this bundle looks them up here, so a task
 * or metric bundle dropped into {@code deploy/} is usable by the next command.
 */
@Component(service = GlueServices.class)
public class GlueServices {

    private final Map<String, GlueTask> tasks = new ConcurrentHashMap<>();
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

    @Reference(service = GlueTask.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTask(GlueTask task) {
        tasks.put(task.name(), task);
    }

    void removeTask(GlueTask task) {
        tasks.remove(task.name(), task);
    }

    @Reference(service = Metric.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMetric(Metric metric) {
        metrics.put(metric.name(), metric);
    }

    void removeMetric(Metric metric) {
        metrics.remove(metric.name(), metric);
    }

    /** Every installed task, GLUE's order first (as the paper's tables list them), then others by name. */
    List<GlueTask> tasks() {
        List<GlueTask> all = new ArrayList<>(tasks.values());
        all.sort(Comparator.comparingInt((GlueTask t) -> GlueScore.paperOrder(t.name())).thenComparing(GlueTask::name));
        return all;
    }

    /**
     * A task by name.
     *
     * @throws IOException naming the installed tasks when there is none of that name
     */
    GlueTask task(String name) throws IOException {
        GlueTask task = tasks.get(name);
        if (task == null) {
            throw new IOException("no GLUE task named '" + name + "'; installed: "
                    + (tasks.isEmpty() ? "none (the 'glue' feature provides GLUE's)" : String.join(", ",
                            tasks().stream().map(GlueTask::name).toList())));
        }
        return task;
    }

    /**
     * A metric by name.
     *
     * @throws IOException when no metric service of that name is installed
     */
    Metric metric(String name) throws IOException {
        Metric metric = metrics.get(name);
        if (metric == null) {
            throw new IOException("no metric named '" + name + "' is installed (the 'glue' feature provides "
                    + "accuracy, f1, f1_macro, matthews_correlation, pearson, spearman and mse)");
        }
        return metric;
    }
}
