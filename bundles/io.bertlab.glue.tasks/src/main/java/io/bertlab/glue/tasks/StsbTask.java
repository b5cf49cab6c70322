package io.bertlab.glue.tasks;

import io.bertlab.api.glue.GlueTask;
import org.osgi.service.component.annotations.Component;

/**
 * {@code STS-B}: The Semantic Textual Similarity Benchmark (regression). Its layouts, labels and metrics are in {@link GlueTaskDefinitions#STS_B}.
 */
@Component(service = GlueTask.class, property = GlueTask.TASK + "=STS-B")
public class StsbTask extends DefinedGlueTask {

    /** The task; DS and tests alike create it with this constructor. */
    public StsbTask() {
        super(GlueTaskDefinitions.STS_B);
    }
}
