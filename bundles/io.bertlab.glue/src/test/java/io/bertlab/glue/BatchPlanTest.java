package io.bertlab.glue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchPlanTest {

    /** Lengths with a wide spread and many repeats, so that sorting and bucketing matter. */
    private static int[] syntheticLengths(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) {
            lengths[i] = 3 + random.nextInt(300);
        }
        return lengths;
    }

    @ParameterizedTest(name = "{0} examples, batches of {1}")
    @CsvSource({"0, 32", "1, 32", "31, 32", "32, 32", "33, 32", "1000, 32", "2490, 32", "5000, 7", "100, 1",
        "100, 1000", "3201, 32"})
    void trainingTakesEveryExampleExactlyOncePerEpochInBatchesOfAtMostBatchSize(int n, int batchSize) {
        int[] lengths = syntheticLengths(n, n);
        for (int epoch = 0; epoch < 3; epoch++) {
            List<int[]> batches = BatchPlan.training(lengths, batchSize, 42, epoch);
            int[] seen = new int[n];
            for (int[] batch : batches) {
                assertTrue(batch.length >= 1 && batch.length <= batchSize, "batch of " + batch.length);
                for (int index : batch) {
                    seen[index]++;
                }
            }
            for (int i = 0; i < n; i++) {
                assertEquals(1, seen[i], "example " + i + " in epoch " + epoch);
            }
            // windows hold whole batches, so only one batch of the epoch can be short
            assertEquals((n + batchSize - 1) / batchSize, batches.size(), "batches in epoch " + epoch);
            assertTrue(batches.stream().filter(b -> b.length < batchSize).count() <= 1, "short batches");
        }
    }

    @Test
    void theSameSeedAndEpochGiveTheSamePlanAnotherEpochOrSeedAnotherOne() {
        int[] lengths = syntheticLengths(2000, 7);
        List<int[]> plan = BatchPlan.training(lengths, 32, 42, 1);
        assertPlansEqual(plan, BatchPlan.training(lengths.clone(), 32, 42, 1));
        assertFalse(plansEqual(plan, BatchPlan.training(lengths, 32, 42, 0)), "epoch 0 repeats epoch 1");
        assertFalse(plansEqual(plan, BatchPlan.training(lengths, 32, 42, 2)), "epoch 2 repeats epoch 1");
        assertFalse(plansEqual(plan, BatchPlan.training(lengths, 32, 43, 1)), "seed 43 repeats seed 42");
        // the batches themselves change too, not only their order
        assertFalse(sameBatchSets(plan, BatchPlan.training(lengths, 32, 42, 2)), "epoch 2 has epoch 1's batches");
    }

    @Test
    void batchOrderIsShuffledNotSortedByLength() {
        int[] lengths = syntheticLengths(3200, 3);
        List<int[]> plan = BatchPlan.training(lengths, 32, 42, 0);
        int ascending = 0;
        for (int i = 1; i < plan.size(); i++) {
            if (maxLength(plan.get(i), lengths) >= maxLength(plan.get(i - 1), lengths)) {
                ascending++;
            }
        }
        // sorted windows cut in order would give runs of 49 ascending steps out of every 50
        assertTrue(ascending < 0.8 * (plan.size() - 1), ascending + " of " + (plan.size() - 1) + " ascending");
    }

    /**
     * Length bucketing pads far less than random batches on RTE's real training set. Tokenizing is beside the point
     * here, so each example's length is a stand-in: the characters of sentence1 plus sentence2 from the real
     * {@code RTE/train.tsv}, whose spread (short hypotheses, long premises) is the one the token lengths have.
     */
    @Test
    void bucketedBatchesPadFarLessThanRandomBatchesOnRteTrain() throws IOException {
        GlueTask rte = InstalledGlue.task("RTE");
        Dataset train = rte.read(SharedData.require("glue/RTE"), TaskData.split(rte, "train"));
        int[] lengths = train.examples().stream().mapToInt(BatchPlanTest::characters).toArray();
        assertEquals(2490, lengths.length);
        int batchSize = 32;
        int epochs = 5;
        double bucketed = 0;
        double random = 0;
        for (int epoch = 0; epoch < epochs; epoch++) {
            bucketed += waste(BatchPlan.training(lengths, batchSize, 42, epoch), lengths);
            random += waste(randomBatches(lengths.length, batchSize, new SplittableRandom(1000 + epoch)), lengths);
        }
        bucketed /= epochs;
        random /= epochs;
        long real = Arrays.stream(lengths).asLongStream().sum();
        System.out.printf("RTE train, batches of %d: padding waste per epoch %.0f bucketed, %.0f random (%d real)%n",
                batchSize, bucketed, random, real);
        assertTrue(bucketed < 0.1 * random, "bucketed " + bucketed + " vs random " + random);
    }

    @Test
    void evaluationBatchesAreSortedByLengthAndCoverEveryExampleOnce() {
        int[] lengths = syntheticLengths(1001, 11);
        List<int[]> batches = BatchPlan.evaluation(lengths, 64);
        assertEquals(16, batches.size());
        int previous = Integer.MIN_VALUE;
        boolean[] seen = new boolean[lengths.length];
        for (int b = 0; b < batches.size(); b++) {
            int[] batch = batches.get(b);
            assertEquals(b < batches.size() - 1 ? 64 : 1001 - 15 * 64, batch.length);
            for (int index : batch) {
                assertFalse(seen[index], "example " + index + " twice");
                seen[index] = true;
                assertTrue(lengths[index] >= previous, "not sorted at example " + index);
                previous = lengths[index];
            }
        }
        for (int i = 0; i < seen.length; i++) {
            assertTrue(seen[i], "example " + i + " missing");
        }
        assertEquals(List.of(), BatchPlan.evaluation(new int[0], 8));
        assertEquals(List.of(), BatchPlan.training(new int[0], 8, 1, 0));
    }

    @Test
    void evaluationKeepsFileOrderAmongEqualLengths() {
        List<int[]> batches = BatchPlan.evaluation(new int[] {5, 2, 5, 2, 9}, 2);
        assertEquals(3, batches.size());
        assertArrayEquals(new int[] {1, 3}, batches.get(0));
        assertArrayEquals(new int[] {0, 2}, batches.get(1));
        assertArrayEquals(new int[] {4}, batches.get(2));
    }

    private static int characters(Example example) {
        return example.textA().length() + (example.textB() == null ? 0 : example.textB().length());
    }

    /** The sum over batches of size times longest length, less the real lengths. */
    static long waste(List<int[]> batches, int[] lengths) {
        long waste = 0;
        for (int[] batch : batches) {
            int max = maxLength(batch, lengths);
            for (int index : batch) {
                waste += max - lengths[index];
            }
        }
        return waste;
    }

    private static int maxLength(int[] batch, int[] lengths) {
        return Arrays.stream(batch).map(i -> lengths[i]).max().orElse(0);
    }

    private static List<int[]> randomBatches(int n, int batchSize, SplittableRandom random) {
        int[] order = random.ints(0, Integer.MAX_VALUE).limit(n).toArray();
        Integer[] indices = new Integer[n];
        Arrays.setAll(indices, i -> i);
        Arrays.sort(indices, (a, b) -> Integer.compare(order[a], order[b]));
        List<int[]> batches = new java.util.ArrayList<>();
        for (int start = 0; start < n; start += batchSize) {
            batches.add(Arrays.stream(indices, start, Math.min(n, start + batchSize)).mapToInt(Integer::intValue)
                    .toArray());
        }
        return batches;
    }

    private static boolean plansEqual(List<int[]> a, List<int[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static void assertPlansEqual(List<int[]> expected, List<int[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "batch " + i);
        }
    }

    private static boolean sameBatchSets(List<int[]> a, List<int[]> b) {
        java.util.Set<java.util.Set<Integer>> first = new java.util.HashSet<>();
        java.util.Set<java.util.Set<Integer>> second = new java.util.HashSet<>();
        a.forEach(batch -> first.add(java.util.Set.copyOf(Arrays.stream(batch).boxed().toList())));
        b.forEach(batch -> second.add(java.util.Set.copyOf(Arrays.stream(batch).boxed().toList())));
        return first.equals(second);
    }
}
