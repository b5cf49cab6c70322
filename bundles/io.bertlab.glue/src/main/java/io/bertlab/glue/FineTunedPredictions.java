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

/** A fine-tuned model's answers for a split, after checking that its head was trained for the task. */
final class FineTunedPredictions {

    private FineTunedPredictions() {
    }

    static List<Prediction> predict(GlueTask task, OpenedModel model, Dataset dataset, int maxLength, int batchSize,
            PrintStream err) throws IOException {
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
