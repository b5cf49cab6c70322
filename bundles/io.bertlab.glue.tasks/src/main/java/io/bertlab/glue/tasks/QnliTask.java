package io.bertlab.glue.tasks;

import io.bertlab.api.glue.GlueTask;
import org.osgi.service.component.annotations.Component;

/**
 * {@code QNLI}: Question NLI. Its layouts, labels and metrics are in {@link GlueTaskDefinitions#QNLI}.
 */
@Component(service = GlueTask.class, property = GlueTask.TASK + "=QNLI")
public class QnliTask extends DefinedGlueTask {

    /** The task; DS and tests alike create it with this constructor. */
    public QnliTask() {
        super(GlueTaskDefinitions.QNLI);
    }
}
