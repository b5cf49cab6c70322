package io.bertlab.engine.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.Evaluation;
import io.bertlab.api.model.ForwardOptions;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.OptimizerSpec;
import io.bertlab.api.model.Targets;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each DJL backend against HuggingFace/PyTorch on the tiny random BERT of {@code testdata/references/bert-tiny}:
 * forward outputs (all hidden states, attentions, pooler), pre-training and classification logits and losses, every
 * parameter gradient and the input-embedding gradient (references in float64), and the parameters after two AdamW
 * steps with warm-up and clipping.
 */
class BertTinyReferenceTest {

    private static final String TASK_PREFIX = "bert.";
    /*
     * The engines compute in float32 against float64 references. Forward values of this model are O(1) after
     * LayerNorm and sums of at most 64 products, so float32 rounding (2^-24 ≈ 6e-8 per operation) accumulates to
     * well under 2e-6 absolute; RELATIVE covers the larger logits. Gradients are sums over 36 tokens of products
     * of such values, of magnitude up to 1e-2: the same absolute bound holds, and it is the bound the AdamW check
     * below propagates (see AdamWBound).
     */
    private static final double FORWARD_TOLERANCE = 2e-6;
    private static final double GRADIENT_ABSOLUTE = 2e-6;
    private static final double RELATIVE = 1e-4;

    private static BertTinyReference reference;
    private static ModelDirectory.Checkpoint withClassifier;

    @BeforeAll
    static void read() throws IOException {
        reference = new BertTinyReference();
        ModelDirectory.Checkpoint checkpoint = ModelDirectory.load(reference.modelDirectory());
        BertWeights weights = checkpoint.weights().copy();
        weights.put(rename(reference.weight("classification.weight"), "classifier.weight"));
        weights.put(rename(reference.weight("classification.bias"), "classifier.bias"));
        withClassifier = new ModelDirectory.Checkpoint(checkpoint.config(), weights);
    }

    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void forwardMatchesHuggingFace(DjlBackend backend) throws IOException {
        try (Model model = TestEngines.of(backend).load(reference.modelDirectory(), LoadOptions.DEFAULT)) {
            ForwardResult result = model.forward(reference.batch(), ForwardOptions.ALL);
            double largest = BertTinyReference.assertClose("last_hidden_state", reference.weight("last_hidden_state"),
                    result.lastHiddenState(), FORWARD_TOLERANCE, RELATIVE);
            largest = Math.max(largest, BertTinyReference.assertClose("pooler_output",
                    reference.weight("pooler_output"), result.pooledOutput(), FORWARD_TOLERANCE, RELATIVE));
            ModelConfig config = model.config();
            assertEquals(config.numHiddenLayers() + 1, result.hiddenStates().size());
            assertEquals(config.numHiddenLayers(), result.attentions().size());
            for (int i = 0; i <= config.numHiddenLayers(); i++) {
                largest = Math.max(largest, BertTinyReference.assertClose("hidden_states." + i,
                        reference.weight("hidden_states." + i), result.hiddenStates().get(i), FORWARD_TOLERANCE,
                        RELATIVE));
            }
            for (int i = 0; i < config.numHiddenLayers(); i++) {
                largest = Math.max(largest, BertTinyReference.assertClose("attentions." + i,
                        reference.weight("attentions." + i), result.attentions().get(i), FORWARD_TOLERANCE,
                        RELATIVE));
            }
            System.out.printf("%s bert-tiny forward vs HF: largest difference %.3g%n", backend.bertlabName(),
                    largest);
        }
    }

    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void preTrainingLossesAndGradientsMatchHuggingFace(DjlBackend backend) throws IOException {
        Batch batch = reference.batch();
        Targets targets = new Targets(Map.of(
                "cls.predictions", new HeadTarget.TokenLabels(reference.ints2("pretraining.mlm_labels")),
                "cls.seq_relationship", new HeadTarget.ClassLabels(reference.ints1("pretraining.nsp_labels"))));
        TrainingSpec spec = new TrainingSpec(List.of(HeadSpec.MaskedLm.of(), HeadSpec.NextSentence.of()), null, 1);
        try (Model model = TestEngines.of(backend).load(reference.modelDirectory(), LoadOptions.DEFAULT);
                DjlTrainingSession session = (DjlTrainingSession) model.openSession(spec)) {
            Evaluation evaluation = session.evaluate(batch, targets);
            BertTinyReference.assertClose("prediction_logits", reference.weight("pretraining.f64.prediction_logits"),
                    evaluation.logits().get("cls.predictions"), FORWARD_TOLERANCE, RELATIVE);
            BertTinyReference.assertClose("seq_relationship_logits",
                    reference.weight("pretraining.f64.seq_relationship_logits"),
                    evaluation.logits().get("cls.seq_relationship"), FORWARD_TOLERANCE, RELATIVE);
            double loss = evaluation.losses().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(reference.scalar("pretraining.f64.loss"), loss, 1e-5, "MLM + NSP loss");

            DjlTrainingSession.Gradients gradients = session.gradients(batch, null, targets, false);
            assertEquals(reference.scalar("pretraining.f64.loss"),
                    gradients.losses().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-5);
            double largest = assertGradients("pretraining.f64.grad.", gradients.parameters());
            System.out.printf("%s bert-tiny pre-training gradients vs HF (float64): largest difference %.3g%n",
                    backend.bertlabName(), largest);
        }
    }

    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void classificationGradientsAndAdamWMatchHuggingFace(DjlBackend backend, @TempDir Path saved) throws IOException {
        Batch batch = reference.batch();
        Targets targets = Targets.of("classifier",
                new HeadTarget.ClassLabels(reference.ints1("classification.labels")));
        // The reference's optimizer: HF Trainer's AdamW grouping, epsilon 1e-8, clipping at 1.0.
        OptimizerSpec adamW = new OptimizerSpec(1e-3, 0.9, 0.999, 1e-8, 0.01, OptimizerSpec.BERT_NO_DECAY, 2, 10, 1.0);
        TrainingSpec spec = new TrainingSpec(List.of(HeadSpec.Classification.of(3)), adamW, 1);
        try (Model model = TestEngines.of(backend).load(withClassifier, LoadOptions.DEFAULT);
                DjlTrainingSession session = (DjlTrainingSession) model.openSession(spec)) {
            Tensor embeddings = session.inputEmbeddings(batch);
            Evaluation evaluation = session.evaluateFromEmbeddings(batch, embeddings);
            BertTinyReference.assertClose("classification logits", reference.weight("classification.f64.logits"),
                    evaluation.logits().get("classifier"), FORWARD_TOLERANCE, RELATIVE);

            DjlTrainingSession.Gradients gradients = session.gradients(batch, embeddings, targets, false);
            assertEquals(reference.scalar("classification.f64.loss"), gradients.losses().get("classifier"), 1e-6);
            double largest = assertGradients("classification.f64.grad.", gradients.parameters());
            assertNotNull(gradients.embeddings(), "gradient with respect to the input embeddings");
            largest = Math.max(largest, BertTinyReference.assertClose("inputs_embeds gradient",
                    reference.weight("classification.f64.inputs_embeds_grad"), gradients.embeddings(),
                    GRADIENT_ABSOLUTE, RELATIVE));

            // The word embeddings have no reference gradient (HF's first step bypasses them); the engine's own
            // gradient from token ids, checked through the embedding gradient above, centres their bound.
            Map<String, Tensor> fromIds = session.gradients(batch, null, targets, false).parameters();

            // HF's schedule runs its first warm-up step at learning rate 0 (from embeddings: the word embedding
            // matrix gets no gradient), its second at 5e-4 (from token ids).
            double firstNorm = session.update(batch, embeddings, targets, 0.0, false).gradientNorm();
            assertEquals(reference.scalar("classification.f64.grad_norm"), firstNorm, 1e-5, "gradient norm");
            double secondRate = 5e-4;
            double secondNorm = session.update(batch, null, targets, secondRate, false).gradientNorm();
            // Below the clipping threshold both steps use the gradients as they are, which the bounds assume.
            assertTrue(firstNorm < adamW.maxGradNorm() && secondNorm < adamW.maxGradNorm(),
                    "gradient norms " + firstNorm + ", " + secondNorm + " would be clipped");
            session.save(saved);
            BertWeights after = ModelDirectory.load(saved).weights();
            AdamWBound bound = new AdamWBound(adamW.beta1(), adamW.beta2(), adamW.epsilon(), secondRate,
                    GRADIENT_ABSOLUTE, RELATIVE);
            double largestParameter = 0;
            int compared = 0;
            String prefix = "classification.f64.after_two_steps.";
            for (String name : reference.names()) {
                if (name.startsWith(prefix)) {
                    String referenceName = name.substring(prefix.length());
                    String parameter = withoutTaskPrefix(referenceName);
                    Weight actual = after.get(parameter);
                    assertNotNull(actual, "saved session lacks " + parameter);
                    float[] expected = reference.weight(name).values();
                    double[] tolerance;
                    if (reference.has("classification.f64.grad." + referenceName)) {
                        tolerance = bound.afterTwoSteps(expected,
                                reference.weight("classification.f64.grad." + referenceName).values());
                    } else {
                        Tensor own = fromIds.get(parameter);
                        assertNotNull(own, "no gradient from token ids for " + parameter);
                        tolerance = bound.afterOneStep(expected, own.toArray());
                    }
                    largestParameter = Math.max(largestParameter, BertTinyReference.assertClose(parameter + " after"
                            + " two AdamW steps", expected, actual.values(), tolerance));
                    compared++;
                }
            }
            assertTrue(compared >= 30, "compared only " + compared + " parameters");
            System.out.printf("%s bert-tiny classification gradients vs HF (float64): largest difference %.3g;"
                    + " %d parameters after two AdamW steps: largest difference %.3g%n", backend.bertlabName(),
                    largest, compared, largestParameter);
        }
    }

    /** Every reference gradient under {@code prefix} must have its counterpart, and no counterpart may be extra. */
    private static double assertGradients(String prefix, Map<String, Tensor> actual) {
        double largest = 0;
        int compared = 0;
        for (String name : reference.names()) {
            if (name.startsWith(prefix)) {
                String parameter = withoutTaskPrefix(name.substring(prefix.length()));
                Tensor gradient = actual.get(parameter);
                assertNotNull(gradient, "no gradient for " + parameter + " (have " + actual.keySet() + ")");
                largest = Math.max(largest, BertTinyReference.assertClose("gradient of " + parameter,
                        reference.weight(name), gradient, GRADIENT_ABSOLUTE, RELATIVE));
                compared++;
            }
        }
        assertEquals(compared, actual.size(), "gradients of parameters HF does not differentiate: " + actual.keySet());
        return largest;
    }

    private static String withoutTaskPrefix(String name) {
        return name.startsWith(TASK_PREFIX) ? name.substring(TASK_PREFIX.length()) : name;
    }

    private static Weight rename(Weight weight, String name) {
        return new Weight(name, weight.shape(), weight.values());
    }
}
