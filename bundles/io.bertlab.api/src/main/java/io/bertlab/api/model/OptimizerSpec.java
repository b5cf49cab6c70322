package io.bertlab.api.model;

import java.util.List;

/**
 * How parameters are updated: AdamW (decoupled weight decay, Loshchilov &amp; Hutter) with a linear warm-up then linear
 * decay of the learning rate, and clipping of the global gradient norm, as in BERT fine-tuning.
 *
 * @param learningRate peak learning rate, reached at the end of warm-up
 * @param beta1 decay rate of the first-moment estimate (0.9 in BERT)
 * @param beta2 decay rate of the second-moment estimate (0.999 in BERT)
 * @param epsilon added to the denominator for stability (1e-6 in BERT, 1e-8 in HF)
 * @param weightDecay decoupled weight decay applied to every parameter not excluded
 * @param noDecay parameter-name substrings exempt from weight decay, e.g. {@code bias}, {@code LayerNorm.weight}
 * @param warmupSteps steps of linear warm-up from 0 to {@code learningRate}
 * @param totalSteps the step at which the rate has decayed linearly to 0; {@code 0} keeps it constant after warm-up
 * @param maxGradNorm the global L2 norm gradients are clipped to; {@code 0} disables clipping
 */
public record OptimizerSpec(
        double learningRate,
        double beta1,
        double beta2,
        double epsilon,
        double weightDecay,
        List<String> noDecay,
        int warmupSteps,
        int totalSteps,
        double maxGradNorm) {

    /** The parameters BERT excludes from weight decay. */
    public static final List<String> BERT_NO_DECAY = List.of("bias", "LayerNorm.weight", "LayerNorm.bias");

    /**
     * Validates and copies the fields.
     *
     * @param learningRate see the record description
     * @param beta1 see the record description
     * @param beta2 see the record description
     * @param epsilon see the record description
     * @param weightDecay see the record description
     * @param noDecay see the record description
     * @param warmupSteps see the record description
     * @param totalSteps see the record description
     * @param maxGradNorm see the record description
     */
    public OptimizerSpec {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learningRate must be positive, was " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas must be in [0, 1), were " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be positive, was " + epsilon);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weightDecay must not be negative, was " + weightDecay);
        }
        noDecay = List.copyOf(noDecay);
        if (warmupSteps < 0 || totalSteps < 0 || (totalSteps > 0 && warmupSteps > totalSteps)) {
            throw new IllegalArgumentException("need 0 <= warmupSteps <= totalSteps (or totalSteps 0), were "
                    + warmupSteps + ", " + totalSteps);
        }
        if (!(maxGradNorm >= 0)) {
            throw new IllegalArgumentException("maxGradNorm must not be negative, was " + maxGradNorm);
        }
    }

    /**
     * BERT's fine-tuning recipe: betas 0.9/0.999, epsilon 1e-6, weight decay 0.01 except biases and LayerNorm,
     * 10% warm-up, clipping at 1.0.
     *
     * @param learningRate the peak learning rate (2e-5 to 5e-5 in the paper)
     * @param totalSteps the number of training steps
     * @return the specification
     */
    public static OptimizerSpec bertFineTuning(double learningRate, int totalSteps) {
        return new OptimizerSpec(learningRate, 0.9, 0.999, 1e-6, 0.01, BERT_NO_DECAY, totalSteps / 10, totalSteps, 1.0);
    }

    /**
     * The learning rate used at a step of the schedule, as HF's {@code get_linear_schedule_with_warmup} computes it:
     * {@code 0} at step 0, rising linearly to the full rate at step {@code warmupSteps}, then falling linearly to
     * {@code 0} at step {@code totalSteps} (constant after warm-up when {@code totalSteps} is 0).
     *
     * @param step the step number, starting at 0
     * @return the learning rate for that step
     */
    public double learningRateAt(long step) {
        if (warmupSteps > 0 && step < warmupSteps) {
            return learningRate * step / warmupSteps;
        }
        if (totalSteps == 0) {
            return learningRate;
        }
        double remaining = Math.max(0, totalSteps - step);
        return learningRate * remaining / Math.max(1, totalSteps - warmupSteps);
    }

    /**
     * Whether a parameter is exempt from weight decay.
     *
     * @param parameterName the HF parameter name
     * @return true when a {@link #noDecay()} entry occurs in the name
     */
    public boolean excludedFromDecay(String parameterName) {
        return noDecay.stream().anyMatch(parameterName::contains);
    }
}
