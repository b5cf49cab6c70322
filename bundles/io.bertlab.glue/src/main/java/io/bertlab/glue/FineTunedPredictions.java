package io.bertlab.glue;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * A fine-tuned model's answers for a split, after checking that its head was trained for the task. Public (the
 * package stays private to the bundle) so that code outside OSGi that evaluates as {@code glue-evaluate} does, such as
 * {@code io.bertlab.spark}'s distributed evaluation over parts of a split, runs this very code.
 */
public final class FineTunedPredictions {

    private FineTunedPredictions() {
    }

    /**
     * The model's answers, in the dataset's order.
     *
     * @param task the task the model must have been fine-tuned for (or one with the same labels)
     * @param model the fine-tuned model directory ({@code glue.json} beside the weights), opened
     * @param dataset the examples to answer (a whole split, or any part of one)
     * @param maxLength tokens per example
     * @param batchSize examples per forward pass
     * @param err where the progress bar and notes go
     * @return one prediction per example, in order
     * @throws IOException when the model holds no head for the task, or its tokenizer cannot be read
     */
    public static List<Prediction> predict(GlueTask task, OpenedModel model, Dataset dataset, int maxLength,
            int batchSize, PrintStream err) throws IOException {
        FineTunedHead head = FineTunedHead.requireFor(task, model.directory());
        if (!head.task().equals(task.name())) {
            err.println(task.name() + ": the model was fine-tuned for " + head.task() + " (the same labels); its"
                    + " answers are used as " + task.name() + "'s");
        }
        HeadSpec spec = head.headFor(task);
        EncodedSplit encoded = EncodedSplit.encode(dataset.examples(), model.tokenizer(), maxLength, spec,
                (what, done, total) -> { });
        ProgressBar bar = new ProgressBar(err, task.name() + " " + dataset.split().name(), encoded.size());
        try (TrainingSession session = model.model().openSession(new TrainingSpec(List.of(spec), null, 0))) {
            return Predictor.predict(session, spec, encoded, batchSize, (what, done, total) -> bar.update(done,
                    done, Double.NaN));
        } finally {
            bar.finish();
        }
    }
}
