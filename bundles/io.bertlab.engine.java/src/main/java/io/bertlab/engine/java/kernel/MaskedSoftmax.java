package io.bertlab.engine.java.kernel;

/**
 * The softmax of one row of attention scores: scaled, padding keys (attention mask 0) given probability exactly 0 as
 * HF's additive mask gives after the softmax, and a row whose sequence attends to no token at all made uniform, as
 * that mask yields too. Shared by inference and training so that both normalise with the same arithmetic.
 */
public final class MaskedSoftmax {

    private MaskedSoftmax() {
    }

    /**
     * Scales, masks and normalises {@code scores[offset, offset + length)} in place.
     *
     * @param scores the raw scores {@code q·k}
     * @param offset the row's first index
     * @param length the row's length (the sequence length)
     * @param scale multiplies every score ({@code 1/√headSize})
     * @param attended whether each key is attended
     * @param attendedCount how many keys are attended
     * @param elementwise the exponential
     */
    public static void apply(float[] scores, int offset, int length, float scale, boolean[] attended,
            int attendedCount, ElementwiseKernel elementwise) {
        boolean all = attendedCount == 0;
        int end = offset + length;
        float max = Float.NEGATIVE_INFINITY;
        for (int j = offset; j < end; j++) {
            scores[j] *= scale;
            if ((all || attended[j - offset]) && scores[j] > max) {
                max = scores[j];
            }
        }
        for (int j = offset; j < end; j++) {
            scores[j] -= max;
        }
        elementwise.exp(scores, offset, end);
        double sum = 0;
        for (int j = offset; j < end; j++) {
            if (all || attended[j - offset]) {
                sum += scores[j];
            } else {
                scores[j] = 0f;
            }
        }
        float inverse = (float) (1 / sum);
        for (int j = offset; j < end; j++) {
            scores[j] *= inverse;
        }
    }
}
