package io.bertlab.glue.tasks;

import io.bertlab.api.glue.GlueTask;
import org.osgi.service.component.annotations.Component;

/**
 * {@code SST-2}: The Stanford Sentiment Treebank (binary). Its layouts, labels and metrics are in {@link GlueTaskDefinitions#SST_2}.
 */
@Component(service = GlueTask.class, property = GlueTask.TASK + "=SST-2")
public class Sst2Task extends DefinedGlueTask {

    /** The task; DS and tests alike create it with this constructor. */
    public Sst2Task() {
        super(GlueTaskDefinitions.SST_2);
    }
}
