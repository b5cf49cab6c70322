package io.bertlab.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.EmbeddingGradient;
import io.bertlab.api.model.Evaluation;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.Targets;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The regression head's loss against its definition, and the public attribution path (gradient of a selected
 * output with respect to the input embeddings) against central finite differences of the same session's outputs.
 */
class AttributionAndRegressionTest {

    private static final Batch BATCH = new Batch(
            new int[][] {{2, 40, 41, 300, 3, 0}, {2, 17, 99, 3, 120, 3}},
            new int[][] {{0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 1, 1}},
            new int[][] {{1, 1, 1, 1, 1, 0}, {1, 1, 1, 1, 1, 1}});

    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void regressionLossIsTheMeanSquaredError(DjlBackend backend) throws IOException {
        float[] targets = {0.5f, -1.25f};
        try (Model model = TestEngines.of(backend).load(SharedData.reference("bert-tiny"));
                TrainingSession session = model.openSession(
                        new TrainingSpec(List.of(HeadSpec.Regression.of()), null, 7))) {
            Evaluation evaluation = session.evaluate(BATCH, Targets.of("classifier", new HeadTarget.Values(targets)));
            Tensor logits = evaluation.logits().get("classifier");
            assertArrayEquals(new int[] {2, 1}, logits.shape());
            double expected = 0;
            for (int b = 0; b < targets.length; b++) {
                double error = logits.get(b, 0) - targets[b];
                expected += error * error / targets.length;
            }
            assertEquals(expected, evaluation.losses().get("classifier"), 1e-6 * Math.max(1, expected));
            assertThrows(IllegalArgumentException.class, () -> session.evaluate(BATCH,
                    Targets.of("classifier", new HeadTarget.ClassLabels(new int[] {0, 1}))));
        }
    }

    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void embeddingGradientMatchesFiniteDifferences(DjlBackend backend) throws IOException {
        OutputSelector selected = new OutputSelector("classifier", 1);
        try (Model model = TestEngines.of(backend).load(SharedData.reference("bert-tiny"));
                TrainingSession session = model.openSession(
                        new TrainingSpec(List.of(HeadSpec.Classification.of(3)), null, 5))) {
            Tensor embeddings = session.inputEmbeddings(BATCH);
            EmbeddingGradient gradient = session.embeddingGradient(BATCH, embeddings, selected);
            Tensor logits = session.evaluateFromEmbeddings(BATCH, embeddings).logits().get("classifier");
            for (int b = 0; b < BATCH.size(); b++) {
                assertEquals(logits.get(b, 1), gradient.scores().get(b), 1e-6f);
            }
            // The embeddings are about 0.02 in size and LayerNorm follows them: a small step keeps the central
            // difference's truncation error low, float32 rounding of the scores limits how small.
            float step = 2e-3f;
            int[][] coordinates = {{0, 0, 0}, {0, 3, 17}, {1, 5, 31}, {1, 2, 8}};
            for (int[] at : coordinates) {
                double numeric = (score(session, nudged(embeddings, at, step), at[0])
                        - score(session, nudged(embeddings, at, -step), at[0])) / (2 * step);
                double analytic = gradient.gradient().get(at);
                assertEquals(numeric, analytic, 1e-2 * Math.abs(numeric) + 2e-5,
                        "d score / d embedding" + Arrays.toString(at));
            }
            assertThrows(IllegalArgumentException.class,
                    () -> session.embeddingGradient(BATCH, embeddings, new OutputSelector("classifier", 3)));
        }
    }

    private static double score(TrainingSession session, Tensor embeddings, int row) {
        return session.evaluateFromEmbeddings(BATCH, embeddings).logits().get("classifier").get(row, 1);
    }

    private static Tensor nudged(Tensor embeddings, int[] at, float by) {
        float[] values = embeddings.toArray();
        int[] shape = embeddings.shape();
        values[(at[0] * shape[1] + at[1]) * shape[2] + at[2]] += by;
        return Tensor.of(values, shape);
    }
}
