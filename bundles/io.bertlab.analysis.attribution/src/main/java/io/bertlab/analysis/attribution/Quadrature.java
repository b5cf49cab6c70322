package io.bertlab.analysis.attribution;

import io.bertlab.api.analysis.AttributionMethod.Rule;

/**
 * Points {@code alpha} in [0, 1] and weights that approximate {@code ∫₀¹ f(alpha) dalpha} by {@code Σ w f(alpha)}, as
 * Captum's {@code approximation_methods} computes them.
 *
 * @param alphas the points, ascending
 * @param weights one weight per point; they sum to 1
 */
record Quadrature(double[] alphas, double[] weights) {

    /**
     * The points and weights of a rule.
     *
     * @param rule the rule
     * @param steps the number of points: at least 1 for Gauss-Legendre, 2 for the trapezoid (it needs both ends)
     * @return the quadrature
     */
    static Quadrature of(Rule rule, int steps) {
        return switch (rule) {
            case GAUSS_LEGENDRE -> gaussLegendre(steps);
            case RIEMANN_TRAPEZOID -> trapezoid(steps);
        };
    }

    static Quadrature trapezoid(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("the trapezoid rule needs at least 2 steps, got " + steps);
        }
        double[] alphas = new double[steps];
        double[] weights = new double[steps];
        double h = 1.0 / (steps - 1);
        for (int i = 0; i < steps; i++) {
            alphas[i] = i * h;
            weights[i] = i == 0 || i == steps - 1 ? h / 2 : h;
        }
        return new Quadrature(alphas, weights);
    }

    /**
     * Gauss-Legendre nodes on [-1, 1] by Newton's method on the Legendre polynomial (from the Chebyshev-like first
     * guess, which converges to each root in a few iterations), mapped to [0, 1].
     */
    static Quadrature gaussLegendre(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("Gauss-Legendre needs at least 1 step, got " + steps);
        }
        double[] alphas = new double[steps];
        double[] weights = new double[steps];
        for (int i = 0; i < (steps + 1) / 2; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (steps + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                // P_n(x) and P_n'(x) by the three-term recurrence
                double p0 = 1;
                double p1 = x;
                for (int k = 2; k <= steps; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                derivative = steps * (x * p1 - p0) / (x * x - 1);
                double dx = p1 / derivative;
                x -= dx;
                if (Math.abs(dx) < 1e-15) {
                    break;
                }
            }
            double weight = 2 / ((1 - x * x) * derivative * derivative);
            // symmetric pair -x, x on [-1, 1] becomes (1 - x) / 2, (1 + x) / 2 on [0, 1], weights halved
            alphas[i] = (1 - x) / 2;
            alphas[steps - 1 - i] = (1 + x) / 2;
            weights[i] = weight / 2;
            weights[steps - 1 - i] = weight / 2;
        }
        return new Quadrature(alphas, weights);
    }

    int size() {
        return alphas.length;
    }
}
