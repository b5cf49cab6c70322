package io.bertlab.api.analysis;

import io.bertlab.api.model.OutputSelector;
import java.util.Objects;

/**
 * How much each input token contributed to one model output, by Integrated Gradients (Sundararajan et al. 2017):
 * the path integral of the output's gradient from a baseline to the input embeddings, summed over the hidden
 * dimension.
 *
 * @param tokens the input's tokens
 * @param scores one attribution per token
 * @param target the output explained
 * @param outputAtInput the output's value at the input
 * @param outputAtBaseline the output's value at the baseline
 * @param convergenceDelta {@code sum(scores) - (outputAtInput - outputAtBaseline)}: near 0 when the integral was
 *     approximated with enough steps
 * @param steps the number of steps of the Riemann approximation
 */
public record Attribution(String[] tokens, float[] scores, OutputSelector target, double outputAtInput,
        double outputAtBaseline, double convergenceDelta, int steps) {

    /**
     * Validates and copies.
     *
     * @param tokens the tokens
     * @param scores the scores
     * @param target the output
     * @param outputAtInput output at the input
     * @param outputAtBaseline output at the baseline
     * @param convergenceDelta the completeness error
     * @param steps the steps
     */
    public Attribution {
        Objects.requireNonNull(target, "target");
        if (tokens.length != scores.length) {
            throw new IllegalArgumentException(tokens.length + " tokens but " + scores.length + " scores");
        }
        tokens = tokens.clone();
        scores = scores.clone();
    }

    /** @return a copy of the tokens */
    @Override
    public String[] tokens() {
        return tokens.clone();
    }

    /** @return a copy of the scores, one per token */
    @Override
    public float[] scores() {
        return scores.clone();
    }
}
