package io.bertlab.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rates of generated instances over real text (WikiText-2 test and validation, about 600,000 tokens), each test
 * over more than 100,000 masked positions: masking shares, the 80/10/10 split, the NSP coin, the prediction cap,
 * special tokens never masked, whole words together.
 */
class MaskingStatisticsTest {

    private static Vocabulary vocabulary;
    private static TokenizedCorpus corpus;

    @BeforeAll
    static void readCorpus(@TempDir Path folder) throws Exception {
        vocabulary = Vocabulary.of(BertBaseUncased.tokenizer());
        // WikiText lines are paragraphs; one sentence per line (split after " . ") gives NSP its sentence pairs
        List<String> lines = new ArrayList<>();
        for (String name : List.of("wiki.test.tokens", "wiki.valid.tokens")) {
            for (String line : Files.readAllLines(SharedData.require("text/wikitext-2/" + name))) {
                lines.addAll(List.of(line.split("(?<= \\.) ")));
            }
        }
        Path sentences = folder.resolve("wikitext-2-sentences.txt");
        Files.write(sentences, lines);
        corpus = TokenizedCorpus.read(List.of(sentences), BertBaseUncased.lineTokenizer(), (f, b) -> { });
        System.out.printf("corpus: %d documents, %d sentences, %d tokens%n", corpus.documentCount(),
                corpus.documents().stream().mapToInt(d -> d.length).sum(), corpus.tokens());
    }

    /** Counts over all masked positions of a run. */
    private static final class Counts {
        long tokens;
        long candidates;
        long masked;
        long toMask;
        long kept;
        long random;
        int mostPredictions;

        Counts(List<TrainingInstance> instances) {
            for (TrainingInstance instance : instances) {
                int[] original = instance.originalTokens();
                tokens += instance.length();
                for (int id : original) {
                    if (id != vocabulary.cls() && id != vocabulary.sep()) {
                        candidates++;
                    }
                }
                mostPredictions = Math.max(mostPredictions, instance.maskedPositions().length);
                for (int k = 0; k < instance.maskedPositions().length; k++) {
                    int position = instance.maskedPositions()[k];
                    int label = instance.maskedLabels()[k];
                    assertNotEquals(vocabulary.cls(), label, "[CLS] masked");
                    assertNotEquals(vocabulary.sep(), label, "[SEP] masked");
                    assertTrue(position > 0 && position < instance.length() - 1, "position " + position);
                    if (k > 0) {
                        assertTrue(position > instance.maskedPositions()[k - 1], "positions ascend");
                    }
                    int input = instance.tokens()[position];
                    masked++;
                    if (input == vocabulary.mask()) {
                        toMask++;
                    } else if (input == label) {
                        kept++;
                    } else {
                        random++;
                    }
                }
                // no position outside the targets changed
                for (int i = 0; i < original.length; i++) {
                    if (original[i] != instance.tokens()[i]) {
                        assertTrue(java.util.Arrays.binarySearch(instance.maskedPositions(), i) >= 0);
                    }
                }
            }
            assertTrue(masked >= 100_000, "masked positions: " + masked);
        }

        void assertSplit() {
            // a random replacement equals the original 1 time in 30,522: counted as kept, far below 1 %
            assertEquals(0.8, (double) toMask / masked, 0.01, "[MASK] share");
            assertEquals(0.1, (double) kept / masked, 0.01, "kept share");
            assertEquals(0.1, (double) random / masked, 0.01, "random share");
        }
    }

    private static List<TrainingInstance> generate(GenerationSettings settings, InstanceGenerator[] generator) {
        generator[0] = new InstanceGenerator(settings, vocabulary);
        return generator[0].generate(corpus, (p, n) -> { });
    }

    @Test
    void googleMasksExactlyTheRoundedShare() {
        InstanceGenerator[] generator = new InstanceGenerator[1];
        GenerationSettings settings = GenerationSettings.defaults().withDupeFactor(4).withSeed(1);
        List<TrainingInstance> instances = generate(settings, generator);
        Counts counts = new Counts(instances);
        counts.assertSplit();
        for (TrainingInstance instance : instances) {
            assertTrue(instance.length() <= 128);
            assertEquals(Masking.googleCount(instance.length(), 0.15, 20), instance.maskedPositions().length);
            assertSegments(instance);
        }
        assertEquals(0.15, (double) counts.masked / counts.tokens, 0.01, "masked share of all tokens");

        InstanceGenerator.Statistics statistics = generator[0].statistics();
        System.out.printf("google: %d instances, %d masked, %s, NotNext %.4f overall%n", instances.size(),
                counts.masked, statistics, (double) statistics.randomNext() / statistics.instances());
        long notNext = instances.stream().filter(TrainingInstance::isRandomNext).count();
        assertEquals(statistics.randomNext(), notNext);
        assertEquals(instances.size(), statistics.instances());
        // the coin of Next Sentence Prediction, over chunks that have a true continuation
        assertTrue(statistics.instances() - statistics.singleSentenceChunks() > 10_000);
        assertEquals(0.5, statistics.randomNextShareOfMultiSentenceChunks(), 0.01, "NotNext share");
    }

    @Test
    void googleCapsPredictions() {
        // at 256 tokens, round(256 * 0.15) = 38: the cap of 20 decides
        InstanceGenerator[] generator = new InstanceGenerator[1];
        List<TrainingInstance> instances = generate(
                GenerationSettings.defaults().withMaxSeqLength(256).withDupeFactor(4).withSeed(3), generator);
        Counts counts = new Counts(instances);
        counts.assertSplit();
        assertEquals(20, counts.mostPredictions);
        long atCap = instances.stream().filter(i -> i.maskedPositions().length == 20).count();
        assertTrue(atCap > instances.size() / 2, "instances at the cap: " + atCap + " of " + instances.size());
        for (TrainingInstance instance : instances) {
            assertEquals(Masking.googleCount(instance.length(), 0.15, 20), instance.maskedPositions().length);
        }
    }

    @Test
    void googleWholeWordMaskingKeepsWordsTogether() {
        InstanceGenerator[] generator = new InstanceGenerator[1];
        List<TrainingInstance> instances = generate(
                GenerationSettings.defaults().withDupeFactor(2).withSeed(11).withWholeWordMask(true), generator);
        Counts counts = new Counts(instances);
        counts.assertSplit();
        long split = 0;
        for (TrainingInstance instance : instances) {
            assertTrue(instance.maskedPositions().length <= Masking.googleCount(instance.length(), 0.15, 20));
            split += wordsSplit(instance, true);
        }
        assertEquals(0, split, "words partly masked");
        assertEquals(0.15, (double) counts.masked / counts.tokens, 0.01, "masked share of all tokens");
    }

    @Test
    void dynamicMaskingDrawsEachTokenIndependently() {
        InstanceGenerator[] generator = new InstanceGenerator[1];
        List<TrainingInstance> instances = generate(
                GenerationSettings.defaults().withDupeFactor(2).withSeed(5).withMasking(MaskingMode.HF), generator);
        Counts counts = new Counts(instances);
        counts.assertSplit();
        assertEquals(0.15, (double) counts.masked / counts.candidates, 0.01, "masked share of non-special tokens");
        // HF has no cap: with 125 candidates at 0.15, more than 20 are drawn about a third of the time
        assertTrue(counts.mostPredictions > 20, "most predictions " + counts.mostPredictions);
    }

    @Test
    void dynamicWholeWordMaskingKeepsWordsTogether() {
        InstanceGenerator[] generator = new InstanceGenerator[1];
        List<TrainingInstance> instances = generate(GenerationSettings.defaults().withDupeFactor(2).withSeed(9)
                .withMasking(MaskingMode.HF).withWholeWordMask(true), generator);
        Counts counts = new Counts(instances);
        counts.assertSplit();
        long split = 0;
        for (TrainingInstance instance : instances) {
            split += wordsSplit(instance, false);
        }
        assertEquals(0, split, "words partly masked");
    }

    @Test
    void remaskingFromAFileRedrawsTheTargets() {
        InstanceGenerator[] generator = new InstanceGenerator[1];
        List<TrainingInstance> instances = generate(GenerationSettings.defaults().withDupeFactor(1).withSeed(2)
                .withMasking(MaskingMode.HF), generator);
        PythonRandom epoch = new PythonRandom(99);
        GenerationSettings settings = GenerationSettings.defaults();
        long changed = 0;
        List<TrainingInstance> redrawn = new ArrayList<>();
        for (TrainingInstance instance : instances) {
            Masking.Result result = Masking.dynamic(instance.originalTokens(), settings, vocabulary, epoch);
            TrainingInstance again = new TrainingInstance(result.tokens(), instance.segmentIds(),
                    instance.isRandomNext(), result.positions(), result.labels());
            assertTrue(java.util.Arrays.equals(instance.originalTokens(), again.originalTokens()));
            if (!java.util.Arrays.equals(instance.maskedPositions(), again.maskedPositions())) {
                changed++;
            }
            redrawn.add(again);
        }
        assertTrue(changed > instances.size() * 9 / 10, "redrawn targets differ: " + changed);
        new Counts(concat(instances, redrawn)).assertSplit();
    }

    private static List<TrainingInstance> concat(List<TrainingInstance> a, List<TrainingInstance> b) {
        List<TrainingInstance> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void assertSegments(TrainingInstance instance) {
        int[] original = instance.originalTokens();
        int[] segments = instance.segmentIds();
        assertEquals(vocabulary.cls(), original[0]);
        assertEquals(vocabulary.sep(), original[original.length - 1]);
        int firstSep = -1;
        for (int i = 1; i < original.length; i++) {
            if (original[i] == vocabulary.sep()) {
                firstSep = i;
                break;
            }
        }
        assertTrue(firstSep > 1 && firstSep < original.length - 2, "both segments have tokens");
        for (int i = 0; i < segments.length; i++) {
            assertEquals(i <= firstSep ? 0 : 1, segments[i]);
        }
    }

    /**
     * Counts words with some pieces masked and others not. A word is a token and the {@code ##} pieces after it;
     * Google's script joins a piece to the word before even across {@code [SEP]} (it skips special tokens while
     * grouping), HF's whole-word collator does not.
     */
    private static int wordsSplit(TrainingInstance instance, boolean acrossSeparators) {
        int[] original = instance.originalTokens();
        boolean[] masked = new boolean[original.length];
        for (int position : instance.maskedPositions()) {
            masked[position] = true;
        }
        int split = 0;
        int previous = -1;
        for (int i = 0; i < original.length; i++) {
            int id = original[i];
            if (id == vocabulary.cls() || id == vocabulary.sep()) {
                if (!acrossSeparators) {
                    previous = -1;
                }
                continue;
            }
            if (previous >= 0 && vocabulary.isContinuation(id) && masked[i] != masked[previous]) {
                split++;
            }
            previous = i;
        }
        return split;
    }
}
