package io.bertlab.pretrain.run;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which instances make each step's batch. Every epoch visits all instances once in a shuffled order cut into batches
 * (the last one smaller when the count does not divide); the order is a function of the seed and the epoch alone,
 * so step {@code s} always trains on the same batch and a resumed run needs to know only how many steps were taken.
 * No length bucketing: instances are mostly of the maximum length by construction (90 % aim at it).
 */
final class BatchOrder {

    private final int instances;
    private final int batchSize;
    private final long seed;
    private int cachedEpoch = -1;
    private int[] cachedOrder;

    BatchOrder(int instances, int batchSize, long seed) {
        if (instances <= 0 || batchSize <= 0) {
            throw new IllegalArgumentException("need instances and a positive batch size, were " + instances + ", "
                    + batchSize);
        }
        this.instances = instances;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** The steps of one epoch. */
    int stepsPerEpoch() {
        return (instances + batchSize - 1) / batchSize;
    }

    /**
     * The instances of a step's batch.
     *
     * @param step the step, from 0 (step {@code s} is batch {@code s % stepsPerEpoch} of epoch
     *        {@code s / stepsPerEpoch})
     * @return instance indices
     */
    int[] batch(long step) {
        int epoch = Math.toIntExact(step / stepsPerEpoch());
        int index = (int) (step % stepsPerEpoch());
        int[] order = order(epoch);
        int start = index * batchSize;
        return Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
    }

    /**
     * The shuffled order of an epoch: a Fisher-Yates shuffle from a generator seeded by the seed and the epoch.
     *
     * @param epoch the epoch, from 0
     * @return a permutation of the instance indices
     */
    int[] order(int epoch) {
        if (epoch != cachedEpoch) {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + epoch);
            int[] order = new int[instances];
            Arrays.setAll(order, i -> i);
            for (int i = instances - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            cachedOrder = order;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }
}
