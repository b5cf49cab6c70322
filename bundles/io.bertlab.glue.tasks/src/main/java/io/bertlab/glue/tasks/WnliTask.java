package io.bertlab.glue.tasks;

import io.bertlab.api.glue.GlueTask;
import org.osgi.service.component.annotations.Component;

/**
 * {@code WNLI}: Winograd NLI. Its layouts, labels and metrics are in {@link GlueTaskDefinitions#WNLI}.
 */
@Component(service = GlueTask.class, property = GlueTask.TASK + "=WNLI")
public class WnliTask extends DefinedGlueTask {

    /** The task; DS and tests alike create it with this constructor. */
    public WnliTask() {
        super(GlueTaskDefinitions.WNLI);
    }
}
