package io.bertlab.glue;

import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.model.HeadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a fine-tuned model directory was trained for, saved beside its weights as {@value #FILE}: evaluation and
 * prediction check it against the task they are asked to run, so that a head never answers with labels it was not
 * trained on. Tasks with the same labels may share a head (GLUE predicts AX with an MNLI model); callers say so.
 *
 * @param task the task's name
 * @param labels the task's labels in index order (empty for regression)
 * @param model the model fine-tuning started from
 * @param epoch the epoch these weights are from
 * @param dev the dev metrics of these weights
 * @param pooling how the head pools the sequence ({@code null} in files written before heads could choose: the pooler)
 * @param head the kind of head ({@code null} in files written before there was a choice: dense)
 */
record FineTunedHead(String task, List<String> labels, String model, int epoch, Map<String, Double> dev,
        HeadSpec.Pooling pooling, HeadKind head) {

    static final String FILE = "glue.json";

    /** The head these weights were trained as, for a task with the same labels. */
    HeadSpec headFor(GlueTask glueTask) {
        return HeadKind.orDense(head).head(glueTask, pooling);
    }

    void write(Path folder) throws IOException {
        RunState.writeJson(this, folder.resolve(FILE));
    }

    /**
     * Checks that a model directory holds a head for a task.
     *
     * @throws IOException when it holds none, or one for a task with other labels
     */
    static FineTunedHead requireFor(GlueTask task, Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(folder + " holds no fine-tuned head (no " + FILE + "): fine-tune it for "
                    + task.name() + " with 'bertlab glue-train' first");
        }
        FineTunedHead head;
        try {
            head = RunState.JSON.readValue(file.toFile(), FineTunedHead.class);
        } catch (IOException e) {
            throw new IOException(file + ": not readable (" + e.getMessage() + ")", e);
        }
        if (head.task() == null || head.labels() == null) {
            throw new IOException(file + ": expected \"task\" and \"labels\" (the task and labels the head was"
                    + " trained for)");
        }
        boolean regression = task.head() instanceof HeadSpec.Regression;
        if (!head.labels().equals(task.labels())) {
            throw new IOException(folder + " was fine-tuned for " + head.task() + " ("
                    + (head.labels().isEmpty() ? "regression" : head.labels().size() + " labels " + head.labels())
                    + "), which does not fit " + task.name() + " (" + (regression ? "regression" : task.labels().size()
                            + " labels " + task.labels()) + ")");
        }
        return head;
    }
}
