package io.bertlab.spark;

import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Metric;
import io.bertlab.glue.metrics.Accuracy;
import io.bertlab.glue.metrics.BinaryF1;
import io.bertlab.glue.metrics.MacroF1;
import io.bertlab.glue.metrics.MatthewsCorrelation;
import io.bertlab.glue.metrics.MeanSquaredError;
import io.bertlab.glue.metrics.PearsonCorrelation;
import io.bertlab.glue.metrics.SpearmanCorrelation;
import io.bertlab.glue.tasks.AxTask;
import io.bertlab.glue.tasks.ColaTask;
import io.bertlab.glue.tasks.MnliTask;
import io.bertlab.glue.tasks.MrpcTask;
import io.bertlab.glue.tasks.QnliTask;
import io.bertlab.glue.tasks.QqpTask;
import io.bertlab.glue.tasks.RteTask;
import io.bertlab.glue.tasks.Sst2Task;
import io.bertlab.glue.tasks.StsbTask;
import io.bertlab.glue.tasks.WnliTask;
import java.util.List;
import java.util.stream.Collectors;

/**
 * GLUE's tasks and metrics outside OSGi, created through their component classes as Declarative Services would
 * create them. Any other {@link GlueTask} (ASSIN2, a plugin's) can be passed to {@link SparkGlueEvaluation} as an
 * instance: executors recreate it from its class, which must have a public no-argument constructor, as DS requires.
 */
public final class GlueCatalog {

    private GlueCatalog() {
    }

    /** @return GLUE's ten tasks, in GLUE's order */
    public static List<GlueTask> tasks() {
        return List.of(new ColaTask(), new Sst2Task(), new MrpcTask(), new QqpTask(), new StsbTask(), new MnliTask(),
                new QnliTask(), new RteTask(), new WnliTask(), new AxTask());
    }

    /**
     * A GLUE task by name.
     *
     * @param name e.g. {@code STS-B}
     * @return the task
     * @throws IllegalArgumentException naming the tasks when none has that name
     */
    public static GlueTask task(String name) {
        return tasks().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no GLUE task named '" + name + "'; known: "
                        + tasks().stream().map(GlueTask::name).collect(Collectors.joining(", "))));
    }

    /**
     * A metric by the name tasks use.
     *
     * @param name e.g. {@code spearman}
     * @return the metric
     * @throws IllegalArgumentException when there is none of that name
     */
    public static Metric metric(String name) {
        List<Metric> metrics = List.of(new Accuracy(), new BinaryF1(), new MacroF1(), new MatthewsCorrelation(),
                new PearsonCorrelation(), new SpearmanCorrelation(), new MeanSquaredError());
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no metric named '" + name + "'; known: "
                        + metrics.stream().map(Metric::name).collect(Collectors.joining(", "))));
    }

    /** The task of a class, created as DS creates a component. */
    static GlueTask instantiate(String className) {
        try {
            return (GlueTask) Class.forName(className, true, GlueCatalog.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot create the GLUE task " + className + " on "
                    + ExecutorHost.describe() + ": its jar must be on the executors' class path, and the class needs a"
                    + " public no-argument constructor (" + e + ")", e);
        }
    }
}
