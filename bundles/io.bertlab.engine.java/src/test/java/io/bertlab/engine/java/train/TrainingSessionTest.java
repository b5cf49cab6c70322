package io.bertlab.engine.java.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.OptimizerSpec;
import io.bertlab.api.model.StepResult;
import io.bertlab.api.model.Targets;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training through the public contract: overfitting a small task, reproducibility, checkpoints. */
class TrainingSessionTest {

    private static final ModelConfig CONFIG = TinyModels.config(20, 16, 2, 2, 32, 8, 0.1);
    private static final int CONTAINS_TOKEN = 3;
    private static final HeadSpec.Classification CLASSIFIER = HeadSpec.Classification.of(2);

    @TempDir
    Path dir;

    /** 32 sequences of length 6; label 1 when token 3 occurs, half of each. */
    private static Batch examples(int[] labels) {
        SplittableRandom random = new SplittableRandom(17);
        int[][] ids = new int[labels.length][6];
        for (int b = 0; b < labels.length; b++) {
            labels[b] = b % 2;
            for (int t = 0; t < 6; t++) {
                int id;
                do {
                    id = 4 + random.nextInt(16);
                } while (id == CONTAINS_TOKEN);
                ids[b][t] = t == 0 ? 1 : id;
            }
            if (labels[b] == 1) {
                ids[b][1 + random.nextInt(5)] = CONTAINS_TOKEN;
            }
        }
        return Batch.of(ids);
    }

    private Model tinyModel() throws IOException {
        return tinyModel(2);
    }

    private Model tinyModel(int threads) throws IOException {
        return JavaEngine.load(new ModelDirectory.Checkpoint(CONFIG, TinyModels.randomWeights(CONFIG, 0.05, 1)),
                threads, dir.resolve("config.json"));
    }

    private static TrainingSpec spec(long seed) {
        OptimizerSpec adamW = new OptimizerSpec(1e-3, 0.9, 0.999, 1e-8, 0.01, OptimizerSpec.BERT_NO_DECAY, 10, 0, 1.0);
        return new TrainingSpec(List.of(CLASSIFIER), adamW, seed);
    }

    @Test
    void classifierLearnsThirtyTwoExamplesToFullAccuracy() throws IOException {
        int[] labels = new int[32];
        Batch batch = examples(labels);
        Targets targets = Targets.of(CLASSIFIER.name(), new HeadTarget.ClassLabels(labels));
        try (Model model = tinyModel(); TrainingSession session = model.openSession(spec(42))) {
            double firstLoss = Double.NaN;
            StepResult last = null;
            for (int step = 0; step < 300 && accuracy(session, batch, labels) < 1.0; step++) {
                last = session.step(batch, targets);
                if (step == 0) {
                    firstLoss = last.loss();
                }
            }
            assertEquals(1.0, accuracy(session, batch, labels), "accuracy after " + (last == null ? 0 : last.step() + 1)
                    + " steps (first loss " + firstLoss + ", last " + (last == null ? "-" : last.loss()) + ")");
        }
    }

    private static double accuracy(TrainingSession session, Batch batch, int[] labels) {
        Tensor logits = session.evaluate(batch, null).logits().get(CLASSIFIER.name());
        int correct = 0;
        for (int b = 0; b < labels.length; b++) {
            int predicted = logits.get(b, 1) > logits.get(b, 0) ? 1 : 0;
            correct += predicted == labels[b] ? 1 : 0;
        }
        return (double) correct / labels.length;
    }

    @Test
    void sameSeedGivesTheSameRun() throws IOException {
        int[] labels = new int[32];
        Batch batch = examples(labels);
        Targets targets = Targets.of(CLASSIFIER.name(), new HeadTarget.ClassLabels(labels));
        double[] first = losses(batch, targets, 7);
        assertArrayEquals(first, losses(batch, targets, 7));
        assertTrue(first[2] != losses(batch, targets, 8)[2], "another seed must give another run");
    }

    /**
     * Every sum that crosses threads is cut into chunks fixed by the data's shape and added in chunk order, and every
     * dropout mask is drawn chunk by chunk from generators split off in order: the thread count changes no bit.
     */
    @Test
    void theThreadCountChangesNoBitOfTheRun() throws IOException {
        int[] labels = new int[32];
        Batch batch = examples(labels);
        Targets targets = Targets.of(CLASSIFIER.name(), new HeadTarget.ClassLabels(labels));
        assertArrayEquals(losses(batch, targets, 7, 1), losses(batch, targets, 7, 3));
    }

    private double[] losses(Batch batch, Targets targets, long seed) throws IOException {
        return losses(batch, targets, seed, 2);
    }

    private double[] losses(Batch batch, Targets targets, long seed, int threads) throws IOException {
        try (Model model = tinyModel(threads); TrainingSession session = model.openSession(spec(seed))) {
            double[] losses = new double[3];
            for (int i = 0; i < losses.length; i++) {
                losses[i] = session.step(batch, targets).loss();
            }
            return losses;
        }
    }

    @Test
    void savedSessionReloadsWithItsHead() throws IOException {
        int[] labels = new int[32];
        Batch batch = examples(labels);
        Targets targets = Targets.of(CLASSIFIER.name(), new HeadTarget.ClassLabels(labels));
        Tensor before;
        try (Model model = tinyModel(); TrainingSession session = model.openSession(spec(1))) {
            session.step(batch, targets);
            before = session.evaluate(batch, null).logits().get(CLASSIFIER.name());
            session.save(dir.resolve("trained"));
        }
        try (Model reloaded = new JavaEngine().load(dir.resolve("trained"));
                TrainingSession session = reloaded.openSession(new TrainingSpec(List.of(CLASSIFIER), null, 99))) {
            assertArrayEquals(before.toArray(), session.evaluate(batch, null).logits().get(CLASSIFIER.name()).toArray(),
                    1e-6f);
            assertThrows(IllegalStateException.class, () -> session.step(batch, targets));
        }
    }

    @Test
    void restoredSessionContinuesExactlyAsTheUninterruptedOne() throws IOException {
        int[] labels = new int[32];
        Batch batch = examples(labels);
        Targets targets = Targets.of(CLASSIFIER.name(), new HeadTarget.ClassLabels(labels));
        try (Model model = tinyModel()) {
            try (TrainingSession uninterrupted = model.openSession(spec(5))) {
                for (int step = 0; step < 6; step++) {
                    uninterrupted.step(batch, targets);
                }
                uninterrupted.save(dir.resolve("uninterrupted"));
            }
            try (TrainingSession first = model.openSession(spec(5))) {
                for (int step = 0; step < 3; step++) {
                    first.step(batch, targets);
                }
                first.save(dir.resolve("interrupted"));
                first.saveState(dir.resolve("interrupted"));
            }
        }
        try (Model saved = new JavaEngine().load(dir.resolve("interrupted"));
                TrainingSession resumed = saved.openSession(spec(5))) {
            resumed.restoreState(dir.resolve("interrupted"));
            StepResult next = null;
            for (int step = 0; step < 3; step++) {
                next = resumed.step(batch, targets);
            }
            assertEquals(5, next.step(), "the step counter continues");
            resumed.save(dir.resolve("resumed"));
        }
        // Dropout masks, the learning rate and the moments all continue: the parameters are bit for bit the same.
        var expected = ModelDirectory.load(dir.resolve("uninterrupted")).weights();
        var actual = ModelDirectory.load(dir.resolve("resumed")).weights();
        for (var weight : expected.all()) {
            assertArrayEquals(weight.values(), actual.get(weight.name()).values(), weight.name());
        }
    }

    @Test
    void stateOfAnotherModelIsRefusedWithTheFileAndTensor() throws IOException {
        int[] labels = new int[32];
        Batch batch = examples(labels);
        Targets targets = Targets.of(CLASSIFIER.name(), new HeadTarget.ClassLabels(labels));
        try (Model model = tinyModel(); TrainingSession session = model.openSession(spec(5))) {
            session.step(batch, targets);
            session.saveState(dir);
        }
        ModelConfig wider = TinyModels.config(20, 24, 2, 2, 32, 8, 0.1);
        try (Model other = JavaEngine.load(new ModelDirectory.Checkpoint(wider, TinyModels.randomWeights(wider, 0.05,
                1)), 2, dir.resolve("config.json")); TrainingSession session = other.openSession(spec(5))) {
            IOException e = assertThrows(IOException.class, () -> session.restoreState(dir));
            assertTrue(e.getMessage().contains("optimizer.safetensors") && e.getMessage().contains("values"),
                    e.getMessage());
        }
    }

    @Test
    void trainingLeavesTheModelUnchanged() throws IOException {
        int[] labels = new int[32];
        Batch batch = examples(labels);
        try (Model model = tinyModel()) {
            Tensor before = model.forward(batch).lastHiddenState();
            try (TrainingSession session = model.openSession(spec(3))) {
                session.step(batch, Targets.of(CLASSIFIER.name(), new HeadTarget.ClassLabels(labels)));
            }
            assertEquals(before, model.forward(batch).lastHiddenState());
        }
    }
}
