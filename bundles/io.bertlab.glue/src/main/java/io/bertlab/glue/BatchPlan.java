package io.bertlab.glue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which examples go into which batch. Training batches are length-bucketed: the epoch's shuffled order is cut into
 * windows of {@value #WINDOW_BATCHES} batches, each window sorted by length before it is cut into batches, and the
 * batches shuffled again. Batches then pad to lengths close to their own, while every epoch still sees a new random
 * order. The order depends only on the seed and the epoch, so a resumed run replays it.
 */
final class BatchPlan {

    static final int WINDOW_BATCHES = 50;

    private BatchPlan() {
    }

    /**
     * The training batches of one epoch.
     *
     * @param lengths each example's length
     * @return batches of example indices
     */
    static List<int[]> training(int[] lengths, int batchSize, long seed, int epoch) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
        int[] order = shuffled(lengths.length, random);
        List<int[]> batches = new ArrayList<>();
        int window = batchSize * WINDOW_BATCHES;
        for (int start = 0; start < order.length; start += window) {
            Integer[] slice = Arrays.stream(order, start, Math.min(order.length, start + window)).boxed()
                    .toArray(Integer[]::new);
            Arrays.sort(slice, Comparator.comparingInt((Integer i) -> lengths[i]));
            cut(slice, batchSize, batches);
        }
        for (int i = batches.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int[] swap = batches.get(i);
            batches.set(i, batches.get(j));
            batches.set(j, swap);
        }
        return batches;
    }

    /** Evaluation batches: all examples sorted by length, so that padding is least. */
    static List<int[]> evaluation(int[] lengths, int batchSize) {
        Integer[] order = new Integer[lengths.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> lengths[i]));
        List<int[]> batches = new ArrayList<>();
        cut(order, batchSize, batches);
        return batches;
    }

    private static void cut(Integer[] order, int batchSize, List<int[]> batches) {
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            int[] batch = new int[end - start];
            for (int i = start; i < end; i++) {
                batch[i - start] = order[i];
            }
            batches.add(batch);
        }
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
