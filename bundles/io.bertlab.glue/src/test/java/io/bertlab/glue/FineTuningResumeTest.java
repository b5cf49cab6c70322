package io.bertlab.glue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.CheckpointFolders;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fine-tuning run interrupted mid-epoch and resumed from its last checkpoint ends exactly where the uninterrupted
 * run with the same seed ends: the same weights bit for bit, the same history. Real RTE examples, the real MiniLM
 * tokenizer, a small random BERT with dropout on (so the dropout masks must continue too), the pure-Java engine.
 */
class FineTuningResumeTest {

    private static final TrainingSettings SETTINGS = new TrainingSettings(2, 1e-3, 8, 64, 7, 0.1, 0.01, 2, null,
            HeadKind.DENSE);
    private static final int INTERRUPTED_AT = 9;

    @TempDir
    static Path dir;

    private static Path model;
    private static EncodedSplit train;
    private static EncodedSplit dev;

    @BeforeAll
    static void prepare() throws IOException {
        model = RealTraining.tinyBert(dir.resolve("tiny"));
        Tokenizer tokenizer = RealTraining.minilmTokenizer();
        train = EncodedSplit.encode(RealTraining.rteExamples("train", 48), tokenizer, SETTINGS.maxLength(),
                RealTraining.rte().head(), (w, d, t) -> { });
        dev = EncodedSplit.encode(RealTraining.rteExamples("dev", 24), tokenizer, SETTINGS.maxLength(),
                RealTraining.rte().head(), (w, d, t) -> { });
    }

    @Test
    void resumedRunEndsWhereTheUninterruptedRunEnds() throws IOException {
        GlueTask task = RealTraining.rte();
        int steps = FineTuning.batchesPerEpoch(train, SETTINGS) * SETTINGS.epochs();
        assertEquals(12, steps, "48 examples in batches of 8, two epochs");

        Path whole = dir.resolve("whole");
        RunState expected;
        try (Model start = new JavaEngine().load(model)) {
            expected = fineTuning(task, whole).run(start, RunState.start(task.name(), "tiny", "java", SETTINGS,
                    steps), null);
        }

        Path broken = dir.resolve("broken");
        try (Model start = new JavaEngine().load(model)) {
            IOException stop = assertThrows(IOException.class, () -> fineTuning(task, broken).onStep(step -> {
                if (step == INTERRUPTED_AT) {
                    throw new IOException("interrupted at step " + step);
                }
            }).run(start, RunState.start(task.name(), "tiny", "java", SETTINGS, steps), null));
            assertTrue(stop.getMessage().contains("interrupted"), stop.getMessage());
        }
        Path last = CheckpointFolders.existing(broken.resolve(FineTuning.LAST)).orElseThrow();
        RunState saved = RunState.read(last);
        assertEquals(1, saved.epoch(), "the checkpoint of step 8 is in the second epoch");
        assertEquals(2, saved.batch(), "after its second batch");
        assertTrue(Files.isRegularFile(last.resolve(ModelProperties.OPTIMIZER_STATE_FILE)));

        RunState resumed;
        try (Model checkpoint = new JavaEngine().load(last)) {
            resumed = fineTuning(task, broken).run(checkpoint, saved, last);
        }

        assertEquals(expected.history().size(), resumed.history().size());
        for (int epoch = 0; epoch < expected.history().size(); epoch++) {
            RunState.EpochRecord a = expected.history().get(epoch);
            RunState.EpochRecord b = resumed.history().get(epoch);
            assertEquals(a.trainLoss(), b.trainLoss(), "the same mean loss in epoch " + a.epoch());
            assertEquals(a.dev(), b.dev(), "the same dev metrics after epoch " + a.epoch());
        }
        assertEquals(expected.bestEpoch(), resumed.bestEpoch());
        assertSameWeights(whole.resolve(FineTuning.LAST), broken.resolve(FineTuning.LAST));
        assertSameWeights(whole.resolve(FineTuning.BEST), broken.resolve(FineTuning.BEST));
        assertTrue(Files.isRegularFile(broken.resolve(FineTuning.BEST).resolve(FineTunedHead.FILE)));
        assertTrue(Files.isRegularFile(broken.resolve(FineTuning.BEST).resolve(ModelProperties.TOKENIZER_FILE)));
    }

    private FineTuning fineTuning(GlueTask task, Path output) throws IOException {
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new FineTuning(task, new Scorer(task, RealTraining.services()), train, dev, model.resolve(
                ModelProperties.TOKENIZER_FILE), output, err);
    }

    private static void assertSameWeights(Path expected, Path actual) throws IOException {
        BertWeights a = ModelDirectory.load(expected).weights();
        BertWeights b = ModelDirectory.load(actual).weights();
        assertEquals(a.size(), b.size());
        for (Weight weight : a.all()) {
            assertArrayEquals(weight.values(), b.get(weight.name()).values(), weight.name() + " in " + actual);
        }
    }

    @Test
    void theSamePlanIsReplayedForEveryEpoch() {
        int[] lengths = new int[train.size()];
        java.util.Arrays.setAll(lengths, train::length);
        List<int[]> first = BatchPlan.training(lengths, 8, 7, 1);
        List<int[]> again = BatchPlan.training(lengths, 8, 7, 1);
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(first.get(i), again.get(i));
        }
    }
}
