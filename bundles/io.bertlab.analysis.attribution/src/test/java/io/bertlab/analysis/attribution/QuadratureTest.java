package io.bertlab.analysis.attribution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bertlab.api.analysis.AttributionMethod.Rule;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The rules' points and weights against their textbook values; tolerances are double rounding (~1e-15) with margin. */
class QuadratureTest {

    @Test
    void threePointGaussLegendreHasTheTextbookNodesAndWeights() {
        // on [-1, 1]: 0 and ±sqrt(3/5), weights 8/9 and 5/9; mapped to [0, 1] and halved
        Quadrature q = Quadrature.of(Rule.GAUSS_LEGENDRE, 3);
        double r = Math.sqrt(0.6) / 2;
        assertArrayEquals(new double[] {0.5 - r, 0.5, 0.5 + r}, q.alphas(), 1e-14);
        assertArrayEquals(new double[] {5.0 / 18, 4.0 / 9, 5.0 / 18}, q.weights(), 1e-14);
    }

    @Test
    void gaussLegendreIntegratesPolynomialsBelowTwiceItsStepsExactly() {
        for (int steps : new int[] {1, 2, 7, 50, 300}) {
            Quadrature q = Quadrature.of(Rule.GAUSS_LEGENDRE, steps);
            assertEquals(1.0, Arrays.stream(q.weights()).sum(), 1e-12, "weights of " + steps);
            int degree = 2 * steps - 1;
            double sum = 0;
            for (int i = 0; i < steps; i++) {
                sum += q.weights()[i] * Math.pow(q.alphas()[i], degree);
            }
            // ∫₀¹ a^k da = 1 / (k + 1)
            assertEquals(1.0 / (degree + 1), sum, 1e-12, "degree " + degree + " with " + steps + " steps");
        }
    }

    @Test
    void theTrapezoidIncludesBothEndsWithHalfWeights() {
        Quadrature q = Quadrature.of(Rule.RIEMANN_TRAPEZOID, 5);
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, q.alphas(), 1e-15);
        assertArrayEquals(new double[] {0.125, 0.25, 0.25, 0.25, 0.125}, q.weights(), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> Quadrature.of(Rule.RIEMANN_TRAPEZOID, 1));
        assertThrows(IllegalArgumentException.class, () -> Quadrature.of(Rule.GAUSS_LEGENDRE, 0));
    }
}
