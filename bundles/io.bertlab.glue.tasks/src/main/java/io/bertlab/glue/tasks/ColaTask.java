package io.bertlab.glue.tasks;

import io.bertlab.api.glue.GlueTask;
import org.osgi.service.component.annotations.Component;

/**
 * {@code CoLA}: The Corpus of Linguistic Acceptability. Its layouts, labels and metrics are in {@link GlueTaskDefinitions#COLA}.
 */
@Component(service = GlueTask.class, property = GlueTask.TASK + "=CoLA")
public class ColaTask extends DefinedGlueTask {

    /** The task; DS and tests alike create it with this constructor. */
    public ColaTask() {
        super(GlueTaskDefinitions.COLA);
    }
}
