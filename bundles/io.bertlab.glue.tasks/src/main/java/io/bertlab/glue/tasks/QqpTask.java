package io.bertlab.glue.tasks;

import io.bertlab.api.glue.GlueTask;
import org.osgi.service.component.annotations.Component;

/**
 * {@code QQP}: Quora Question Pairs. Its layouts, labels and metrics are in {@link GlueTaskDefinitions#QQP}.
 */
@Component(service = GlueTask.class, property = GlueTask.TASK + "=QQP")
public class QqpTask extends DefinedGlueTask {

    /** The task; DS and tests alike create it with this constructor. */
    public QqpTask() {
        super(GlueTaskDefinitions.QQP);
    }
}
