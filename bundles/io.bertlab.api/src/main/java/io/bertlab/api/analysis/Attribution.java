package io.bertlab.api.analysis;

import io.bertlab.api.model.OutputSelector;
import java.util.Objects;

/**
 * How much each input token contributed to one model output, by Integrated Gradients (Sundararajan et al. 2017):
 * the path integral of the output's gradient from a baseline to the input embeddings, summed over the hidden
 * dimension. {@link #scores()} are these raw sums, whose total approximates the change of the output (completeness);
 * {@link #normalizedScores()} are the same divided by their L2 norm, as transformers-interpret reports them.
 *
 * @param tokens the input's tokens
 * @param scores one raw attribution per token
 * @param target the output explained
 * @param outputAtInput the output's value at the input
 * @param outputAtBaseline the output's value at the baseline
 * @param convergenceDelta {@code sum(scores) - (outputAtInput - outputAtBaseline)}: near 0 when the integral was
 *     approximated with enough steps
 * @param steps the number of points of the approximation of the integral
 */
public record Attribution(String[] tokens, float[] scores, OutputSelector target, double outputAtInput,
        double outputAtBaseline, double convergenceDelta, int steps) {

    /**
     * The largest {@link #relativeConvergenceDelta()} of an attribution taken as converged: beyond it the scores
     * miss more than 5 % of the change they explain, and more steps are needed.
     *
     * @since 1.1
     */
    public static final double CONVERGENCE_TOLERANCE = 0.05;

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

    /**
     * The scores divided by their L2 norm over the tokens (all zero when every score is), as transformers-interpret
     * reports them.
     *
     * @return one normalised score per token
     * @since 1.1
     */
    public float[] normalizedScores() {
        double norm = 0;
        for (float s : scores) {
            norm += (double) s * s;
        }
        norm = Math.sqrt(norm);
        float[] normalized = new float[scores.length];
        for (int i = 0; i < scores.length; i++) {
            normalized[i] = norm == 0 ? 0f : (float) (scores[i] / norm);
        }
        return normalized;
    }

    /**
     * The convergence delta relative to the change it is measured against.
     *
     * @return {@code |convergenceDelta| / |outputAtInput - outputAtBaseline|}; infinite when the output did not change
     *     but the scores do not sum to 0, 0 when both are 0
     * @since 1.1
     */
    public double relativeConvergenceDelta() {
        double change = Math.abs(outputAtInput - outputAtBaseline);
        double delta = Math.abs(convergenceDelta);
        return delta == 0 ? 0 : delta / change;
    }

    /**
     * Whether the approximation is close enough to trust: {@link #relativeConvergenceDelta()} at most
     * {@link #CONVERGENCE_TOLERANCE}.
     *
     * @return whether the scores account for the output's change within 5 %
     * @since 1.1
     */
    public boolean converged() {
        return relativeConvergenceDelta() <= CONVERGENCE_TOLERANCE;
    }
}
