package io.bertlab.pretrain.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.command.UsageException;
import io.bertlab.pretrain.TrainingInstance;
import io.bertlab.pretrain.Vocabulary;
import io.bertlab.testing.CapturingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pretrain --remask}: HF's dynamic masking redrawn at every step, reproducibly. */
class RemaskingTest {

    @TempDir
    Path dir;

    @Test
    void everyStepMasksAnewFromTheOriginalTokensAndTheSameStepAlike() throws Exception {
        List<TrainingInstance> instances = Fixtures.instances(dir.resolve("train.jsonl"), 0, 40, 5);
        Vocabulary vocabulary = Vocabulary.of(Fixtures.tokenizer());
        Remasking remasking = new Remasking(0.15, vocabulary, 42);
        long candidates = 0;
        long masked = 0;
        long toMask = 0;
        int differentFromFile = 0;
        for (int step = 0; step < 40; step++) {
            for (int row = 0; row < instances.size(); row++) {
                TrainingInstance original = instances.get(row);
                TrainingInstance again = remasking.apply(original, step, row);
                assertEquals(again, remasking.apply(original, step, row), "the same step and row, the same draw");
                assertArrayEquals(original.originalTokens(), again.originalTokens(), "the text is kept");
                assertEquals(original.labels(), again.labels(), "the other tasks' labels are kept");
                assertArrayEquals(original.segmentIds(), again.segmentIds());
                differentFromFile += java.util.Arrays.equals(original.maskedPositions(), again.maskedPositions())
                        ? 0 : 1;
                for (int i = 0; i < again.maskedPositions().length; i++) {
                    int position = again.maskedPositions()[i];
                    int token = original.originalTokens()[position];
                    assertTrue(token != vocabulary.cls() && token != vocabulary.sep(), "[CLS]/[SEP] never masked");
                    toMask += again.tokens()[position] == vocabulary.mask() ? 1 : 0;
                }
                candidates += original.length() - 3; // [CLS] A [SEP] B [SEP]
                masked += again.maskedPositions().length;
            }
        }
        System.out.printf("remask: %d of %d tokens masked, %d to [MASK]%n", masked, candidates, toMask);
        assertTrue(masked >= 30_000, "masked " + masked);
        // Bernoulli(0.15) per token: over 250,000 tokens the standard error is 0.0007, the bound 7 of them
        assertEquals(0.15, (double) masked / candidates, 0.005, "mask rate");
        assertEquals(0.8, (double) toMask / masked, 0.01, "[MASK] share");
        assertTrue(differentFromFile > 0.95 * 40 * instances.size(), "another masking than the file's");
        assertNotEquals(remasking.apply(instances.get(0), 0, 0), remasking.apply(instances.get(0), 1, 0),
                "another step, another masking");
    }

    @Test
    void aRunRemasksOnlyWhenATaskPredictsMaskedTokens() throws Exception {
        Path instances = dir.resolve("train.jsonl");
        Fixtures.instances(instances, 0, 6, 11);
        CapturingContext run = Fixtures.call(dir, Fixtures.arguments(Fixtures.scratch(), "--instances",
                instances.toString(), "--output", dir.resolve("run").toString(), "--steps", "2", "--batch-size", "8",
                "--remask", "0.15"));
        assertEquals(0, Fixtures.command().run(run), run.errText());
        assertEquals(0.15, RunState.read(dir.resolve("run").resolve(PretrainingRun.LAST)).settings().remask(), 0,
                "kept for --resume");
        UsageException nsp = assertThrows(UsageException.class, () -> Fixtures.command().run(Fixtures.call(dir,
                Fixtures.arguments(Fixtures.scratch(), "--instances", instances.toString(), "--output",
                        dir.resolve("nsp").toString(), "--steps", "1", "--tasks", "nsp", "--remask", "0.15"))));
        assertEquals("pretrain: --remask redraws masked-LM targets, and no task of --tasks nsp predicts masked tokens",
                nsp.getMessage());
        UsageException range = assertThrows(UsageException.class, () -> Fixtures.command().run(Fixtures.call(dir,
                Fixtures.arguments(Fixtures.scratch(), "--instances", instances.toString(), "--output",
                        dir.resolve("range").toString(), "--steps", "1", "--remask", "1.5"))));
        assertTrue(range.getMessage().contains("--remask is a probability, above 0 and below 1, was 1.5"),
                range.getMessage());
    }
}
