package io.bertlab.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.model.OptimizerSpec;
import io.bertlab.api.model.StepResult;
import io.bertlab.api.model.Targets;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Safetensors;
import io.bertlab.model.bert.Weight;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Saving and restoring a training session's optimizer state ({@code optimizer.safetensors}) on each backend. */
class TrainingStateTest {

    private static final Path BERT_TINY = SharedData.reference("bert-tiny");
    private static final String CLASSIFIER = "classifier";
    private static final String REGRESSOR = "regressor";
    private static final int EXAMPLES = 16;
    private static final int[] LABELS = new int[EXAMPLES];
    private static final float[] SCORES = new float[EXAMPLES];
    /** Fills {@link #LABELS} and {@link #SCORES}. */
    private static final Batch BATCH = examples();

    /**
     * Warm-up and decay (the rate changes every step), weight decay, clipping, dropout on, and a second head that only
     * odd steps leave out, so that its parameters' update counts lag behind the encoder's.
     */
    private static final TrainingSpec SPEC = new TrainingSpec(
            List.of(HeadSpec.Classification.of(2), new HeadSpec.Regression(REGRESSOR)),
            new OptimizerSpec(1e-3, 0.9, 0.999, 1e-8, 0.01, OptimizerSpec.BERT_NO_DECAY, 2, 6, 1.0), 7);

    /**
     * Both CPU backends give the same numbers for the same inputs, and a restored session reproduces every input of
     * the steps to come (parameters and moments exactly, through float32 files; the same update counts; the same
     * dropout masks, seeded from the step): so the parameters are compared bit for bit.
     */
    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void restoredSessionContinuesExactlyAsTheUninterruptedOne(DjlBackend backend, @TempDir Path dir)
            throws IOException {
        DjlEngine engine = TestEngines.of(backend);
        try (Model model = engine.load(BERT_TINY)) {
            try (TrainingSession uninterrupted = model.openSession(SPEC)) {
                for (int step = 0; step < 6; step++) {
                    uninterrupted.step(BATCH, targetsOf(step));
                }
                uninterrupted.save(dir.resolve("uninterrupted"));
            }
            try (TrainingSession first = model.openSession(SPEC)) {
                for (int step = 0; step < 3; step++) {
                    first.step(BATCH, targetsOf(step));
                }
                first.save(dir.resolve("interrupted"));
                first.saveState(dir.resolve("interrupted"));
            }
        }
        Map<String, String> metadata = Safetensors.metadata(
                dir.resolve("interrupted").resolve(ModelProperties.OPTIMIZER_STATE_FILE));
        assertEquals("3", metadata.get("bertlab.steps"));
        assertEquals("3", metadata.get("bertlab.updates"));
        assertEquals("2", metadata.get("bertlab.updates." + REGRESSOR + ".weight"), metadata.toString());

        // A resumed session runs in another process, or after other sessions: the engine's generator is elsewhere.
        DjlRuntime.engine(backend).setRandomSeed(12345);
        try (Model saved = engine.load(dir.resolve("interrupted"));
                TrainingSession resumed = saved.openSession(SPEC)) {
            resumed.restoreState(dir.resolve("interrupted"));
            StepResult next = null;
            for (int step = 3; step < 6; step++) {
                next = resumed.step(BATCH, targetsOf(step));
            }
            assertEquals(5, next.step(), "the step counter continues");
            resumed.save(dir.resolve("resumed"));
        }
        BertWeights expected = ModelDirectory.load(dir.resolve("uninterrupted")).weights();
        BertWeights actual = ModelDirectory.load(dir.resolve("resumed")).weights();
        assertEquals(expected.names(), actual.names());
        BertWeights initial = ModelDirectory.load(BERT_TINY).weights();
        for (Weight weight : expected.all()) {
            assertArrayEquals(weight.values(), actual.get(weight.name()).values(), weight.name());
        }
        assertFalse(Arrays.equals(initial.get(BertParameterNames.WORD_EMBEDDINGS).values(),
                expected.get(BertParameterNames.WORD_EMBEDDINGS).values()), "the steps trained the encoder");
    }

    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void stateOfAnotherModelIsRefusedWithTheFileAndTensor(DjlBackend backend, @TempDir Path dir) throws IOException {
        DjlEngine engine = TestEngines.of(backend);
        try (Model model = engine.load(BERT_TINY); TrainingSession session = model.openSession(SPEC)) {
            session.step(BATCH, targetsOf(0));
            session.saveState(dir);
        }
        Path other = dir.resolve("smaller-vocabulary");
        ModelDirectory.save(other, withVocabulary(ModelDirectory.load(BERT_TINY), 500));
        Path file = dir.resolve(ModelProperties.OPTIMIZER_STATE_FILE);
        try (Model model = engine.load(other); TrainingSession session = model.openSession(SPEC)) {
            CheckpointException e = assertThrows(CheckpointException.class, () -> session.restoreState(dir));
            assertEquals(file, e.file());
            assertEquals(BertParameterNames.WORD_EMBEDDINGS + ".exp_avg", e.tensor());
            assertTrue(e.getMessage().contains("16384 values, the parameter 16000"), e.getMessage());

            CheckpointException missing = assertThrows(CheckpointException.class,
                    () -> session.restoreState(other));
            assertEquals(other.resolve(ModelProperties.OPTIMIZER_STATE_FILE), missing.file());
        }
    }

    /** Both heads on even steps, the classifier alone on odd ones. */
    private static Targets targetsOf(int step) {
        HeadTarget labels = new HeadTarget.ClassLabels(LABELS);
        return step % 2 == 0
                ? new Targets(Map.of(CLASSIFIER, labels, REGRESSOR, new HeadTarget.Values(SCORES)))
                : Targets.of(CLASSIFIER, labels);
    }

    private static Batch examples() {
        Random random = new Random(3);
        int[][] ids = new int[EXAMPLES][10];
        for (int b = 0; b < EXAMPLES; b++) {
            LABELS[b] = b % 2;
            SCORES[b] = random.nextFloat();
            ids[b][0] = 2;
            for (int t = 1; t < ids[b].length; t++) {
                ids[b][t] = 10 + random.nextInt(480);
            }
        }
        return Batch.of(ids);
    }

    /** The same encoder with a smaller vocabulary (the first {@code size} words): another model. */
    private static ModelDirectory.Checkpoint withVocabulary(ModelDirectory.Checkpoint tiny, int size) {
        ModelConfig c = tiny.config();
        ModelConfig config = new ModelConfig(size, c.hiddenSize(), c.numHiddenLayers(), c.numAttentionHeads(),
                c.intermediateSize(), c.hiddenAct(), c.hiddenDropoutProb(), c.attentionProbsDropoutProb(),
                c.maxPositionEmbeddings(), c.typeVocabSize(), c.initializerRange(), c.layerNormEps());
        BertWeights weights = new BertWeights();
        for (Weight weight : tiny.weights().all()) {
            if (weight.shape()[0] == c.vocabSize()) { // the word embeddings and the MLM decoder's bias
                int[] shape = weight.shape().clone();
                shape[0] = size;
                weights.put(new Weight(weight.name(), shape,
                        Arrays.copyOf(weight.values(), weight.values().length / c.vocabSize() * size)));
            } else {
                weights.put(weight);
            }
        }
        return new ModelDirectory.Checkpoint(config, weights);
    }
}
