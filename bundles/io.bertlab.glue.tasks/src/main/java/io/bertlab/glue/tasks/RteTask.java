package io.bertlab.glue.tasks;

import io.bertlab.api.glue.GlueTask;
import org.osgi.service.component.annotations.Component;

/**
 * {@code RTE}: Recognizing Textual Entailment. Its layouts, labels and metrics are in {@link GlueTaskDefinitions#RTE}.
 */
@Component(service = GlueTask.class, property = GlueTask.TASK + "=RTE")
public class RteTask extends DefinedGlueTask {

    /** The task; DS and tests alike create it with this constructor. */
    public RteTask() {
        super(GlueTaskDefinitions.RTE);
    }
}
