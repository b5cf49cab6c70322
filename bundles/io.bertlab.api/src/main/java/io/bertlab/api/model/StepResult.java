package io.bertlab.api.model;

import java.util.Map;

/**
 * The outcome of one training step.
 *
 * @param step the number of this step, starting at 0
 * @param loss the total loss before the update (sum of the head losses)
 * @param headLosses the loss of each head named in the targets
 * @param gradientNorm the global L2 norm of the gradients before clipping
 * @param learningRate the learning rate used
 */
public record StepResult(long step, double loss, Map<String, Double> headLosses, double gradientNorm,
        double learningRate) {

    /**
     * Copies the map.
     *
     * @param step see the record description
     * @param loss see the record description
     * @param headLosses see the record description
     * @param gradientNorm see the record description
     * @param learningRate see the record description
     */
    public StepResult {
        headLosses = Map.copyOf(headLosses);
    }
}
