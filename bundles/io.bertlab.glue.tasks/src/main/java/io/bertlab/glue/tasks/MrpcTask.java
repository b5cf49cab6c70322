package io.bertlab.glue.tasks;

import io.bertlab.api.glue.GlueTask;
import org.osgi.service.component.annotations.Component;

/**
 * {@code MRPC}: The Microsoft Research Paraphrase Corpus. Its layouts, labels and metrics are in {@link GlueTaskDefinitions#MRPC}.
 */
@Component(service = GlueTask.class, property = GlueTask.TASK + "=MRPC")
public class MrpcTask extends DefinedGlueTask {

    /** The task; DS and tests alike create it with this constructor. */
    public MrpcTask() {
        super(GlueTaskDefinitions.MRPC);
    }
}
