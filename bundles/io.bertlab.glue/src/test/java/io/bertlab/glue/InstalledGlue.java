package io.bertlab.glue;

import io.bertlab.api.glue.GlueTask;
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
import io.bertlab.glue.tasks.StsbTask;
import io.bertlab.glue.tasks.Sst2Task;
import io.bertlab.glue.tasks.WnliTask;
import java.util.List;

/**
 * The real GLUE task and metric services, created through their component classes as DS would (no OSGi framework),
 * and bound into a {@link GlueServices} through its bind methods.
 */
final class InstalledGlue {

    private InstalledGlue() {
    }

    /** GLUE's ten tasks, in GLUE's order. */
    static List<GlueTask> tasks() {
        return List.of(new ColaTask(), new Sst2Task(), new MrpcTask(), new QqpTask(), new StsbTask(), new MnliTask(),
                new QnliTask(), new RteTask(), new WnliTask(), new AxTask());
    }

    /** A {@link GlueServices} with every GLUE task and metric bound. */
    static GlueServices services() {
        GlueServices services = new GlueServices();
        tasks().forEach(services::addTask);
        List.of(new Accuracy(), new BinaryF1(), new MacroF1(), new MatthewsCorrelation(), new PearsonCorrelation(),
                new SpearmanCorrelation(), new MeanSquaredError()).forEach(services::addMetric);
        return services;
    }

    static GlueTask task(String name) {
        return tasks().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
