package io.bertlab.engine.java.kernel;

/**
 * The coefficients of one AdamW update, the same for every element of a parameter.
 *
 * @param beta1 the first moment's decay
 * @param beta2 the second moment's decay
 * @param epsilon added to the second moment's root
 * @param correction1 the first moment's bias correction, {@code 1 − beta1^t}
 * @param correction2 the second moment's bias correction, {@code 1 − beta2^t}
 * @param rate the learning rate
 * @param decay the decoupled weight decay (0 for parameters excluded from it)
 */
public record AdamWStep(double beta1, double beta2, double epsilon, double correction1, double correction2,
        double rate, double decay) {

    /**
     * The same step for a parameter with another weight decay.
     *
     * @param weightDecay the decay
     * @return the step
     */
    public AdamWStep withDecay(double weightDecay) {
        return new AdamWStep(beta1, beta2, epsilon, correction1, correction2, rate, weightDecay);
    }
}
