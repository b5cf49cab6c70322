package io.bertlab.engine.djl;

/**
 * How far a float32 AdamW update may lie from a float64 reference update, derived from how far the gradients may lie
 * from the reference gradients (the bound the gradient checks assert: {@code gradientAbsolute + gradientRelative·|g|}).
 *
 * <p>Adam moves a parameter by {@code lr · r} with {@code r = m̂ / (√v̂ + ε)}. Where the gradient is large next to
 * its error, {@code r ≈ sign(g)} and the error is tiny; where the gradient is at the noise level its sign may flip
 * and the parameter moves by about {@code ±lr} whatever the reference did, so such elements are compared against the
 * step size. Both cases come out of one interval bound on {@code r}. Weight decay ({@code lr·λ·p}) is computed from the
 * same float32 parameter by both sides: only its rounding differs, covered by {@link #ROUNDING} with the
 * parameter's own rounding.
 */
final class AdamWBound {

    /** A few float32 roundings of the parameter ({@code 2^-24} each: the decay, the update, the stored value). */
    private static final double ROUNDING = 4 * Math.ulp(1f) / 2;

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double learningRate;
    private final double gradientAbsolute;
    private final double gradientRelative;

    AdamWBound(double beta1, double beta2, double epsilon, double learningRate, double gradientAbsolute,
            double gradientRelative) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.learningRate = learningRate;
        this.gradientAbsolute = gradientAbsolute;
        this.gradientRelative = gradientRelative;
    }

    /**
     * Tolerances after two steps on the same batch and unchanged parameters (the first at learning rate 0), so the
     * reference's two gradients are both {@code g}: then {@code m̂ = g}, {@code v̂ = g²} and {@code r = g/(|g| + ε)}.
     * The engine's two gradients each lie in {@code g ± δ}; {@code m̂}, a weighted mean of them, lies in that
     * interval too, and {@code √v̂}, a weighted root mean square, in {@code [max(0, |g| − δ), |g| + δ]}.
     *
     * @param expected the reference parameters after the steps
     * @param gradient the reference gradient (float64, narrowed)
     */
    double[] afterTwoSteps(float[] expected, float[] gradient) {
        double weightOfFirst = beta1 * (1 - beta1);
        double weightOfSecond = 1 - beta1;
        double bias = 1 - beta1 * beta1;
        double squareFirst = beta2 * (1 - beta2);
        double squareSecond = 1 - beta2;
        double squareBias = 1 - beta2 * beta2;
        // |m̂| ≤ c·√v̂ by Cauchy–Schwarz, with c² = Σ a_k²/b_k over the normalised weights: the largest |r| possible.
        double largestRatio = Math.sqrt(square(weightOfFirst / bias) / (squareFirst / squareBias)
                + square(weightOfSecond / bias) / (squareSecond / squareBias));
        double[] tolerance = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            tolerance[i] = bound(expected[i], gradient[i], largestRatio);
        }
        return tolerance;
    }

    /**
     * Tolerances after one step ({@code m̂ = g}, {@code v̂ = g²}), for a parameter the first, rate-0 step left without
     * state. Its reference gradient is unknown here, so the bound is centred on the engine's own gradient: the
     * reference's then lies within {@code δ} of it and the update the engine applied within another {@code δ}.
     *
     * @param expected the reference parameters after the steps
     * @param ownGradient the engine's gradient of the same batch
     */
    double[] afterOneStep(float[] expected, float[] ownGradient) {
        double[] tolerance = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            double g = ownGradient[i];
            double delta = 2 * delta(g);
            double spread = Math.max(Math.abs(ratio(g + delta) - ratio(g)), Math.abs(ratio(g - delta) - ratio(g)));
            // The reference's own ratio lies anywhere in the same interval: twice the spread bounds the difference.
            tolerance[i] = 2 * learningRate * spread + ROUNDING * Math.abs(expected[i]);
        }
        return tolerance;
    }

    private double bound(double parameter, double g, double largestRatio) {
        double delta = delta(g);
        double reference = ratio(g);
        double lowGradient = g - delta;
        double highGradient = g + delta;
        double smallestRoot = Math.max(0, Math.abs(g) - delta) + epsilon;
        double largestRoot = Math.abs(g) + delta + epsilon;
        // r = m̂ / (√v̂ + ε) is largest for the largest m̂ over the smallest denominator when m̂ > 0, and so on.
        double highest = highGradient / (highGradient > 0 ? smallestRoot : largestRoot);
        double lowest = lowGradient / (lowGradient < 0 ? smallestRoot : largestRoot);
        highest = Math.min(highest, largestRatio);
        lowest = Math.max(lowest, -largestRatio);
        double spread = Math.max(highest - reference, reference - lowest);
        return learningRate * spread + ROUNDING * Math.abs(parameter);
    }

    private double delta(double g) {
        return gradientAbsolute + gradientRelative * Math.abs(g);
    }

    private double ratio(double g) {
        return g / (Math.abs(g) + epsilon);
    }

    private static double square(double x) {
        return x * x;
    }
}
