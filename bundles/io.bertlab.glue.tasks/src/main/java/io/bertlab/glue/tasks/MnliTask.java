package io.bertlab.glue.tasks;

import io.bertlab.api.glue.GlueTask;
import org.osgi.service.component.annotations.Component;

/**
 * {@code MNLI}: MultiNLI, matched and mismatched. Its layouts, labels and metrics are in {@link GlueTaskDefinitions#MNLI}.
 */
@Component(service = GlueTask.class, property = GlueTask.TASK + "=MNLI")
public class MnliTask extends DefinedGlueTask {

    /** The task; DS and tests alike create it with this constructor. */
    public MnliTask() {
        super(GlueTaskDefinitions.MNLI);
    }
}
