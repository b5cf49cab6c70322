package io.bertlab.glue.tasks;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.glue.Split;
import io.bertlab.api.model.HeadSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A {@link GlueTask} driven by a {@link TaskDefinition}. Each GLUE task is a subclass that only passes its
 * definition and carries the DS annotations, because a component's service properties are fixed per class.
 */
abstract class DefinedGlueTask implements GlueTask {

    private final TaskDefinition definition;
    private final GlueTsvReader reader;
    private final SubmissionWriter writer;

    /**
     * A task from its definition.
     *
     * @param definition what the task is
     */
    DefinedGlueTask(TaskDefinition definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.reader = new GlueTsvReader(definition.name(), definition.labels());
        this.writer = new SubmissionWriter(definition.name(), definition.labels(), definition.predictionFormat());
    }

    @Override
    public String name() {
        return definition.name();
    }

    @Override
    public boolean pair() {
        return definition.pair();
    }

    @Override
    public List<String> labels() {
        return definition.labels();
    }

    @Override
    public HeadSpec head() {
        return definition.head();
    }

    @Override
    public List<Split> splits() {
        return definition.apiSplits();
    }

    @Override
    public List<String> metrics() {
        return definition.metrics();
    }

    /**
     * {@inheritDoc}
     *
     * <p>The split is matched by name, so its layout is the task's; its file name is the one given, which lets a
     * caller read e.g. a sample of the same layout.
     *
     * @throws IllegalArgumentException when the task has no split of that name
     */
    @Override
    public Dataset read(Path taskDirectory, Split split) throws IOException {
        SplitLayout layout = definition.split(split);
        return reader.read(taskDirectory.resolve(split.fileName()), split, layout.layout());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the split is not a test split, or the predictions are not exactly one
     *         valid prediction (non-null id, label in range or finite score) per official test example
     */
    @Override
    public Path writeSubmission(Split split, List<Prediction> predictions, Path directory) throws IOException {
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(directory, "directory");
        return writer.write(definition.split(split), predictions, directory);
    }

    @Override
    public String toString() {
        return "GlueTask[" + name() + "]";
    }
}
