package io.bertlab.engine.java.train;

import java.util.SplittableRandom;

/**
 * Inverted dropout masks: each element kept with probability {@code 1 - p} and scaled by {@code 1/(1 - p)}, so that
 * inference needs no rescaling. Seeded: the same seed and step give the same masks.
 */
final class Dropout {

    private final SplittableRandom random;

    Dropout(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * A mask of {@code 0} and {@code 1/(1 - p)} values.
     *
     * @param length the number of elements
     * @param p the drop probability
     * @return the mask, or {@code null} when {@code p} is 0 (nothing dropped)
     */
    float[] mask(int length, double p) {
        if (p <= 0) {
            return null;
        }
        float keep = (float) (1 / (1 - p));
        float[] mask = new float[length];
        for (int i = 0; i < length; i++) {
            mask[i] = random.nextDouble() < p ? 0f : keep;
        }
        return mask;
    }

    /** Multiplies in place by a mask; a {@code null} mask leaves the values unchanged. */
    static float[] apply(float[] values, float[] mask) {
        if (mask != null) {
            for (int i = 0; i < values.length; i++) {
                values[i] *= mask[i];
            }
        }
        return values;
    }
}
