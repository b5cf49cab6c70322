package io.bertlab.analysis.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.analysis.AttributionMethod.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Integrated Gradients where they have a closed form: a linear head {@code z = W e + c} on fixed embeddings of 5
 * tokens of width 8. Along the straight path {@code e(α) = b + α (x - b)}:
 * <ul>
 * <li>a raw output {@code z_k} is linear, its gradient constant, so {@code IG_d = (x_d - b_d) W_kd} exactly, for every
 * rule whose weights sum to 1;</li>
 * <li>the probability of class 1 of two is {@code σ(u·e + c)} with {@code u = W_1 - W_0}, so
 * {@code ∫₀¹ σ'(s(α)) dα = (σ(s(1)) - σ(s(0))) / (u·(x - b))} and
 * {@code IG_d = (x_d - b_d) u_d (F(x) - F(b)) / (u·(x - b))}.</li>
 * </ul>
 * Tolerance 1e-5 on each token's score: the quadrature error of 50 Gauss-Legendre points on this analytic integrand
 * (the poles of σ' lie a distance π/|u·(x - b)| ≈ 0.6 off the path) is below 1e-30, so what remains is float32 rounding of
 * the path points and gradients, 2⁻²⁴ ≈ 6e-8 relative on each of a token's 8 terms of size up to ~3, i.e. about 2e-6.
 */
class ClosedFormTest {

    private static final int TOKENS = 5;
    private static final int HIDDEN = 8;
    private static final double TOLERANCE = 1e-5;

    /** A linear head over flattened embeddings, computed in double: a real model with known gradients. */
    record LinearHead(double[][] weights, double[] bias) implements PathFunction {

        @Override
        public float[][] outputs(float[][] points) {
            float[][] z = new float[points.length][weights.length];
            for (int p = 0; p < points.length; p++) {
                for (int k = 0; k < weights.length; k++) {
                    z[p][k] = (float) logit(points[p], k);
                }
            }
            return z;
        }

        @Override
        public Gradient gradient(float[][] points, int output) {
            float[] values = new float[points.length];
            float[][] gradients = new float[points.length][];
            for (int p = 0; p < points.length; p++) {
                values[p] = (float) logit(points[p], output);
                gradients[p] = new float[weights[output].length];
                for (int d = 0; d < gradients[p].length; d++) {
                    gradients[p][d] = (float) weights[output][d];
                }
            }
            return new Gradient(values, gradients);
        }

        double logit(float[] e, int k) {
            double z = bias[k];
            for (int d = 0; d < e.length; d++) {
                z += weights[k][d] * e[d];
            }
            return z;
        }
    }

    private final SplittableRandom random = new SplittableRandom(7);
    private final float[] input = gaussian(TOKENS * HIDDEN, 1);
    private final float[] baseline = gaussian(TOKENS * HIDDEN, 0.3);
    // scaled so that u·(x - b) is a few units: the sigmoid is curved along the path, not nearly linear
    private final LinearHead head = new LinearHead(new double[][] {doubles(0.35), doubles(0.35)},
            new double[] {0.2, -0.1});

    @Test
    void aRawOutputIsAttributedExactlyByEveryRule() {
        double[] expected = new double[TOKENS];
        for (int d = 0; d < input.length; d++) {
            expected[d / HIDDEN] += ((double) input[d] - baseline[d]) * head.weights()[0][d];
        }
        for (Rule rule : Rule.values()) {
            Integrator.Result result = Integrator.integrate(head, input, baseline, new Integrator.Target(0, false),
                    Quadrature.of(rule, 2), 1);
            double[] actual = result.perToken(HIDDEN);
            for (int t = 0; t < TOKENS; t++) {
                assertEquals(expected[t], actual[t], TOLERANCE, rule + " token " + t);
            }
            assertEquals(head.logit(input, 0) - head.logit(baseline, 0), sum(actual), TOLERANCE,
                    rule + " completeness");
        }
    }

    @Test
    void aProbabilityIsAttributedAsTheClosedFormSays() throws IOException {
        double[] u = new double[input.length];
        double along = 0;
        for (int d = 0; d < u.length; d++) {
            u[d] = head.weights()[1][d] - head.weights()[0][d];
            along += u[d] * ((double) input[d] - baseline[d]);
        }
        double atInput = sigmoid(head.logit(input, 1) - head.logit(input, 0));
        double atBaseline = sigmoid(head.logit(baseline, 1) - head.logit(baseline, 0));
        assertTrue(Math.abs(along) > 2, "the path crosses the sigmoid's curved part: u·(x - b) = " + along);
        double[] expected = new double[TOKENS];
        for (int d = 0; d < input.length; d++) {
            expected[d / HIDDEN] += ((double) input[d] - baseline[d]) * u[d] * (atInput - atBaseline) / along;
        }
        // chunks of 7 points: the chunking must not change the sum
        Integrator.Result result = Integrator.integrate(head, input, baseline, new Integrator.Target(1, true),
                Quadrature.of(Rule.GAUSS_LEGENDRE, 50), 7);
        assertEquals(atInput, result.atInput(), 1e-6);
        assertEquals(atBaseline, result.atBaseline(), 1e-6);
        double[] actual = result.perToken(HIDDEN);
        double largest = 0;
        for (int t = 0; t < TOKENS; t++) {
            assertEquals(expected[t], actual[t], TOLERANCE, "token " + t);
            largest = Math.max(largest, Math.abs(expected[t] - actual[t]));
        }
        assertEquals(atInput - atBaseline, sum(actual), TOLERANCE, "completeness");
        // kept for src-docs/analysis.md
        Files.writeString(Path.of("target", "ig-closed-form.txt"), String.format(Locale.ROOT,
                "u.(x - b) = %.4f, F(x) - F(b) = %.6f, largest |IG - closed form| per token = %.3e%n", along,
                atInput - atBaseline, largest));
    }

    @Test
    void theTrapezoidErrorFallsWithTheSquareOfTheStep() {
        double atInput = sigmoid(head.logit(input, 1) - head.logit(input, 0));
        double atBaseline = sigmoid(head.logit(baseline, 1) - head.logit(baseline, 0));
        double[] deltas = new double[3];
        int[] steps = {11, 21, 41};
        for (int i = 0; i < steps.length; i++) {
            Integrator.Result result = Integrator.integrate(head, input, baseline, new Integrator.Target(1, true),
                    Quadrature.of(Rule.RIEMANN_TRAPEZOID, steps[i]), 25);
            deltas[i] = Math.abs(sum(result.perToken(HIDDEN)) - (atInput - atBaseline));
        }
        // halving the step h = 1 / (steps - 1) quarters the trapezoid's error (∝ h²); 3..5 allows for the next term
        for (int i = 1; i < steps.length; i++) {
            double ratio = deltas[i - 1] / deltas[i];
            assertTrue(ratio > 3 && ratio < 5, "error " + deltas[i - 1] + " -> " + deltas[i] + " (ratio " + ratio
                    + ")");
        }
    }

    private float[] gaussian(int n, double scale) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (scale * gaussian());
        }
        return values;
    }

    private double[] doubles(double scale) {
        double[] values = new double[TOKENS * HIDDEN];
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * gaussian();
        }
        return values;
    }

    private double gaussian() {
        // Box-Muller from the seeded stream
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double sigmoid(double s) {
        return 1 / (1 + Math.exp(-s));
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
