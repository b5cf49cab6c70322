package io.bertlab.glue.tasks;

import io.bertlab.api.glue.GlueTask;
import org.osgi.service.component.annotations.Component;

/**
 * {@code AX}: The GLUE diagnostic set (test only, predicted with an MNLI model). Its layouts, labels and metrics are in {@link GlueTaskDefinitions#AX}.
 */
@Component(service = GlueTask.class, property = GlueTask.TASK + "=AX")
public class AxTask extends DefinedGlueTask {

    /** The task; DS and tests alike create it with this constructor. */
    public AxTask() {
        super(GlueTaskDefinitions.AX);
    }
}
