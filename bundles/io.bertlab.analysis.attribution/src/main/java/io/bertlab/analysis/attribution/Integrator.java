package io.bertlab.analysis.attribution;

/**
 * Integrated Gradients over a {@link PathFunction} (Sundararajan et al. 2017): for the straight path
 * {@code b + alpha (x - b)}, {@code IG_d = (x_d - b_d) ∫₀¹ ∂F/∂e_d(b + alpha (x - b)) dalpha}, the integral approximated by
 * a {@link Quadrature}, the points evaluated in chunks of at most {@code chunk} (one engine call each).
 */
final class Integrator {

    private Integrator() {
    }

    /**
     * What is explained: the softmax probability of a class (classification heads), or one raw output
     * (regression heads), as transformers-interpret's forward function returns it.
     *
     * @param index the class or output
     * @param probability whether the outputs are logits to pass through a softmax first
     */
    record Target(int index, boolean probability) {

        double valueOf(float[] outputs) {
            return probability ? softmax(outputs)[index] : outputs[index];
        }
    }

    /**
     * @param attributions {@code (x - b) · mean gradient} per embedding value, {@code [sequence * hidden]}
     * @param atInput the target at the input
     * @param atBaseline the target at the baseline
     */
    record Result(double[] attributions, double atInput, double atBaseline) {

        /** The attributions summed over each token's {@code hidden} values. */
        double[] perToken(int hidden) {
            double[] sums = new double[attributions.length / hidden];
            for (int i = 0; i < attributions.length; i++) {
                sums[i / hidden] += attributions[i];
            }
            return sums;
        }
    }

    static Result integrate(PathFunction function, float[] input, float[] baseline, Target target,
            Quadrature quadrature, int chunk) {
        if (input.length != baseline.length) {
            throw new IllegalArgumentException("input has " + input.length + " values, baseline " + baseline.length);
        }
        float[][] ends = function.outputs(new float[][] {input, baseline});
        if (target.index() >= ends[0].length) {
            throw new IllegalArgumentException("the head has " + ends[0].length + " outputs, output " + target.index()
                    + " selected");
        }
        double[] integral = new double[input.length];
        for (int start = 0; start < quadrature.size(); start += chunk) {
            int count = Math.min(chunk, quadrature.size() - start);
            float[][] points = new float[count][input.length];
            for (int p = 0; p < count; p++) {
                float alpha = (float) quadrature.alphas()[start + p];
                for (int d = 0; d < input.length; d++) {
                    points[p][d] = baseline[d] + alpha * (input[d] - baseline[d]);
                }
            }
            float[][] gradients = target.probability()
                    ? probabilityGradients(function, points, target.index(), ends[0].length)
                    : function.gradient(points, target.index()).gradients();
            for (int p = 0; p < count; p++) {
                // accumulated in double: 300 weighted float gradients would otherwise lose the small ones
                double weight = quadrature.weights()[start + p];
                float[] g = gradients[p];
                for (int d = 0; d < integral.length; d++) {
                    integral[d] += weight * g[d];
                }
            }
        }
        double[] attributions = new double[input.length];
        for (int d = 0; d < attributions.length; d++) {
            attributions[d] = ((double) input[d] - baseline[d]) * integral[d];
        }
        return new Result(attributions, target.valueOf(ends[0]), target.valueOf(ends[1]));
    }

    /**
     * The gradient of {@code p_c = softmax(z)_c} from the logits' gradients: {@code ∇p_c = p_c (∇z_c - Σ_k p_k ∇z_k)}
     * (the engines differentiate one logit at a time, so this costs one backward pass per class).
     */
    static float[][] probabilityGradients(PathFunction function, float[][] points, int target, int outputs) {
        PathFunction.Gradient[] logits = new PathFunction.Gradient[outputs];
        for (int k = 0; k < outputs; k++) {
            logits[k] = function.gradient(points, k);
        }
        float[][] result = new float[points.length][];
        for (int p = 0; p < points.length; p++) {
            float[] z = new float[outputs];
            for (int k = 0; k < outputs; k++) {
                z[k] = logits[k].values()[p];
            }
            double[] probabilities = softmax(z);
            int length = points[p].length;
            float[] g = new float[length];
            for (int d = 0; d < length; d++) {
                double mean = 0;
                for (int k = 0; k < outputs; k++) {
                    mean += probabilities[k] * logits[k].gradients()[p][d];
                }
                g[d] = (float) (probabilities[target] * (logits[target].gradients()[p][d] - mean));
            }
            result[p] = g;
        }
        return result;
    }

    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < logits.length; k++) {
            p[k] /= sum;
        }
        return p;
    }
}
