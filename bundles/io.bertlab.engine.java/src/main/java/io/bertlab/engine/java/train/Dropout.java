package io.bertlab.engine.java.train;

import io.bertlab.engine.java.kernel.Parallel;
import java.util.SplittableRandom;

/**
 * Inverted dropout masks: each element kept with probability {@code 1 - p} and scaled by {@code 1/(1 - p)}, so that
 * inference needs no rescaling. Seeded: the same seed and step give the same masks. A mask is drawn in fixed chunks on
 * the compute threads, each chunk from its own generator split off the step's one in chunk order, so the masks do
 * not depend on the thread count either.
 */
final class Dropout {

    /** Elements per chunk: a mask of one layer's attention probabilities (8·12·128² elements) gives 24 chunks. */
    private static final int CHUNK = 1 << 16;

    private final SplittableRandom random;
    private final Parallel parallel;

    Dropout(long seed, Parallel parallel) {
        this.random = new SplittableRandom(seed);
        this.parallel = parallel;
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
        SplittableRandom[] chunks = new SplittableRandom[(length + CHUNK - 1) / CHUNK];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = random.split();
        }
        parallel.forEachRange(length, CHUNK, (from, to) -> {
            SplittableRandom chunk = chunks[from / CHUNK];
            for (int i = from; i < to; i++) {
                mask[i] = chunk.nextDouble() < p ? 0f : keep;
            }
        });
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
