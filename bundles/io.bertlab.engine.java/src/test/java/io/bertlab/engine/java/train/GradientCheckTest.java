package io.bertlab.engine.java.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.EmbeddingGradient;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.Targets;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.engine.java.kernel.ElementwiseKernel;
import io.bertlab.engine.java.kernel.Gemm;
import io.bertlab.engine.java.kernel.Kernels;
import io.bertlab.engine.java.kernel.Parallel;
import io.bertlab.engine.java.kernel.ScalarElementwise;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Backward passes against central finite differences of the loss, on a tiny random BERT in float32 (no dropout).
 * Stated tolerance: |analytic − numeric| ≤ 1e-4 + 1e-2·|numeric| for every checked element, with step 1e-2; float32
 * rounding of the loss (≈1e-7 relative) divided by the step bounds the numeric error at ~1e-5, the step's truncation
 * error at ~1e-4 for these magnitudes.
 */
class GradientCheckTest {

    private static final double STEP = 1e-2;
    private static final double ABSOLUTE = 1e-4;
    private static final double RELATIVE = 1e-2;
    private static final int ELEMENTS_PER_PARAMETER = 3;

    private static final ModelConfig CONFIG = TinyModels.config(13, 8, 2, 2, 12, 8, 0.0);
    private static final Parallel PARALLEL = new Parallel(2);
    private static final Gemm GEMM = new Gemm(Kernels.best(), PARALLEL);

    @AfterAll
    static void stopThreads() {
        PARALLEL.close();
    }

    @Test
    void classificationHeadAndEveryEncoderLayerType() {
        Batch batch = TinyModels.batch(3, 6, 13, 2, 7);
        check(new HeadSpec.Classification("classifier", 3),
                new HeadTarget.ClassLabels(new int[] {0, 2, 1}), batch);
    }

    @Test
    void regressionHead() {
        Batch batch = TinyModels.batch(3, 5, 13, 1, 8);
        check(new HeadSpec.Regression("classifier"), new HeadTarget.Values(new float[] {0.5f, -1f, 2f}), batch);
    }

    /** Siamese pairs: rows 0..1 are the first texts, rows 2..3 the second; the cosine of each pair is trained. */
    @Test
    void cosineSimilarityHeadOverPairsEncodedApart() {
        Batch batch = TinyModels.batch(4, 6, 13, 1, 14);
        check(new HeadSpec.CosineSimilarity("similarity"), new HeadTarget.Values(new float[] {0.9f, -0.2f}), batch);
    }

    @Test
    void nextSentenceHead() {
        Batch batch = TinyModels.batch(2, 6, 13, 2, 9);
        check(HeadSpec.NextSentence.of(), new HeadTarget.ClassLabels(new int[] {1, 0}), batch);
    }

    @Test
    void maskedLmHeadWithTiedEmbeddingsIgnoresUnlabelledPositions() {
        Batch batch = TinyModels.batch(2, 6, 13, 2, 10);
        int ignore = HeadTarget.TokenLabels.IGNORE;
        int[][] labels = {{ignore, 4, ignore, ignore, 11, ignore}, {7, ignore, ignore, 2, ignore, ignore}};
        check(HeadSpec.MaskedLm.of(), new HeadTarget.TokenLabels(labels), batch);
    }

    @Test
    void embeddingGradientMatchesFiniteDifferencesOfTheSelectedScore() {
        Batch batch = TinyModels.batch(2, 5, 13, 1, 11);
        HeadSpec head = new HeadSpec.Classification("classifier", 3);
        try (JavaTrainingSession session = session(head)) {
            Tensor embeddings = session.inputEmbeddings(batch);
            OutputSelector selector = new OutputSelector("classifier", 2);
            EmbeddingGradient analytic = session.embeddingGradient(batch, embeddings, selector);
            float[] values = embeddings.toArray();
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < values.length; i += 7) {
                float original = values[i];
                values[i] = (float) (original + STEP);
                double plus = scoreSum(session, batch, values, embeddings.shape(), selector);
                values[i] = (float) (original - STEP);
                double minus = scoreSum(session, batch, values, embeddings.shape(), selector);
                values[i] = original;
                compare("input embedding[" + i + "]", analytic.gradient().toArray()[i], (plus - minus) / (2 * STEP),
                        failures);
            }
            assertTrue(failures.isEmpty(), String.join("\n", failures));
        }
    }

    private static double scoreSum(JavaTrainingSession session, Batch batch, float[] values, int[] shape,
            OutputSelector selector) {
        Tensor logits = session.evaluateFromEmbeddings(batch, Tensor.of(values, shape)).logits().get(selector.head());
        double sum = 0;
        for (int b = 0; b < batch.size(); b++) {
            sum += logits.get(b, selector.index());
        }
        return sum;
    }

    private static JavaTrainingSession session(HeadSpec head) {
        return session(CONFIG, head, new ScalarElementwise());
    }

    private static JavaTrainingSession session(ModelConfig config, HeadSpec head, ElementwiseKernel elementwise) {
        return new JavaTrainingSession(config, TinyModels.randomWeights(config, 0.5, 3),
                new TrainingSpec(List.of(head), null, 5), GEMM, elementwise);
    }

    /**
     * Dropout in every place it applies (embeddings, attention probabilities, both residual branches), on the
     * Vector API functions training runs with: the same seed gives the same masks, so the loss is a function of the
     * parameters that finite differences can check.
     */
    @Test
    void dropoutAndVectorFunctionsAreDifferentiatedThrough() {
        Batch batch = TinyModels.batch(3, 6, 13, 2, 12);
        HeadSpec head = new HeadSpec.Classification("classifier", 3);
        try (JavaTrainingSession session = session(TinyModels.config(13, 8, 2, 2, 12, 8, 0.2), head,
                Kernels.elementwise())) {
            check(session, Targets.of(head.name(), new HeadTarget.ClassLabels(new int[] {2, 0, 1})), batch,
                    () -> new Dropout(77, PARALLEL));
        }
    }

    private static void check(HeadSpec head, HeadTarget target, Batch batch) {
        try (JavaTrainingSession session = session(head)) {
            check(session, Targets.of(head.name(), target), batch, () -> null);
        }
    }

    /** Compares the gradients of the loss with central differences, a few elements of every parameter. */
    private static void check(JavaTrainingSession session, Targets targets, Batch batch,
            Supplier<Dropout> dropout) {
        ToDoubleFunction<JavaTrainingSession> loss = s -> s.computeGradients(batch, targets, dropout.get(),
                new HashMap<>());
        loss.applyAsDouble(session);
        Map<String, float[]> analytic = new HashMap<>();
        for (Parameters.Parameter p : session.parameters().all()) {
            analytic.put(p.name(), p.gradient().clone());
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Parameters.Parameter p : session.parameters().all()) {
            float[] values = p.values();
            for (int n = 0; n < ELEMENTS_PER_PARAMETER; n++) {
                int i = (int) ((long) (n * 2 + 1) * values.length / (2 * ELEMENTS_PER_PARAMETER));
                if (p.name().equals(io.bertlab.model.bert.BertParameterNames.WORD_EMBEDDINGS)) {
                    // Pick embedding rows of tokens in the batch, whose gradients are not zero.
                    i = batch.inputId(0, n) * p.shape()[1] + n;
                }
                float original = values[i];
                values[i] = (float) (original + STEP);
                double plus = loss.applyAsDouble(session);
                values[i] = (float) (original - STEP);
                double minus = loss.applyAsDouble(session);
                values[i] = original;
                compare(p.name() + "[" + i + "]", analytic.get(p.name())[i], (plus - minus) / (2 * STEP), failures);
                checked++;
            }
        }
        assertTrue(checked > 60, "checked " + checked + " elements");
        assertTrue(failures.isEmpty(), failures.size() + " of " + checked + " gradients disagree:\n"
                + String.join("\n", failures));
    }

    private static void compare(String what, double analytic, double numeric, List<String> failures) {
        if (Math.abs(analytic - numeric) > ABSOLUTE + RELATIVE * Math.abs(numeric)) {
            failures.add(what + ": analytic " + analytic + ", numeric " + numeric);
        }
    }
}
