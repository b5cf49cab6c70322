package io.bertlab.glue;

import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.progress.ProgressListener;
import java.util.Arrays;
import java.util.List;

/** A head's answers for every example of a split, in inference mode, in the split's order. */
final class Predictor {

    private Predictor() {
    }

    static List<Prediction> predict(TrainingSession session, HeadSpec head, EncodedSplit split, int batchSize,
            ProgressListener progress) {
        Prediction[] predictions = new Prediction[split.size()];
        BatchAssembler assembler = new BatchAssembler(split);
        int[] lengths = new int[split.size()];
        Arrays.setAll(lengths, split::length);
        int done = 0;
        for (int[] indices : BatchPlan.evaluation(lengths, batchSize)) {
            Tensor logits = session.evaluate(assembler.batch(indices), null).logits().get(head.name());
            for (int row = 0; row < indices.length; row++) {
                Example example = split.examples().get(indices[row]);
                predictions[indices[row]] = answer(head, example.id(), logits, row);
            }
            done += indices.length;
            progress.progress("predict", done, split.size());
        }
        return List.of(predictions);
    }

    private static Prediction answer(HeadSpec head, String id, Tensor logits, int row) {
        if (head instanceof HeadSpec.CosineSimilarity) {
            return new Prediction(id, Example.NO_LABEL, logits.get(row, 0) * HeadKind.COSINE_SCALE);
        }
        if (head instanceof HeadSpec.Regression) {
            return new Prediction(id, Example.NO_LABEL, logits.get(row, 0));
        }
        float[] scores = logits.vector(row);
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return new Prediction(id, best, Double.NaN);
    }
}
