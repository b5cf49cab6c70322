package io.bertlab.engine.java.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** Element-wise functions against their definitions. */
class ElementwiseTest {

    /** erf at points tabulated in Abramowitz &amp; Stegun, table 7.1. */
    @Test
    void erfMatchesTabulatedValues() {
        double[][] table = {{0, 0}, {0.1, 0.1124629160}, {0.5, 0.5204998778}, {1, 0.8427007929},
            {1.5, 0.9661051465}, {2, 0.9953222650}, {-1, -0.8427007929}};
        for (double[] row : table) {
            assertEquals(row[1], Erf.erf(row[0]), 2e-7, "erf(" + row[0] + ")");
        }
    }

    /**
     * Every kernel against double-precision definitions. Tolerance 1e-6 relative: the erfc fit's fractional error
     * (1.2e-7) plus a few float roundings (6e-8 each) of the polynomial and the products, with margin.
     */
    @Test
    void vectorAndScalarKernelsComputeGeluAndExp() {
        for (ElementwiseKernel kernel : new ElementwiseKernel[] {new ScalarElementwise(), new VectorElementwise()}) {
            float[] x = new float[37];
            for (int i = 0; i < x.length; i++) {
                x[i] = -6 + i / 3f;
            }
            float[] gelu = x.clone();
            kernel.gelu(gelu, 0, gelu.length);
            float[] exp = x.clone();
            kernel.exp(exp, 0, exp.length);
            for (int i = 0; i < x.length; i++) {
                double expected = 0.5 * x[i] * (1 + Erf.erf(x[i] / Math.sqrt(2)));
                assertEquals(expected, gelu[i], 1e-6 * (1 + Math.abs(expected)), kernel + " gelu(" + x[i] + ")");
                assertEquals(Math.exp(x[i]), exp[i], 1e-6 * Math.exp(x[i]), kernel + " exp(" + x[i] + ")");
            }
            float[] gradient = new float[x.length];
            java.util.Arrays.fill(gradient, -3f);
            kernel.geluBackward(x, gradient, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                double derivative = 0.5 * (1 + Erf.erf(x[i] / Math.sqrt(2)))
                        + x[i] * Math.exp(-0.5 * x[i] * x[i]) / Math.sqrt(2 * Math.PI);
                assertEquals(-3 * derivative, gradient[i], 3e-6 * (1 + Math.abs(derivative)),
                        kernel + " gelu'(" + x[i] + ")");
            }
        }
    }

    /**
     * The vector exponential rounds as the same arithmetic done one float at a time (fused multiply-adds
     * included), which is what the Vector API falls back to before the JIT compiles it: its results cannot depend on
     * the execution mode. Checked bit for bit over the range softmax and GELU use.
     */
    @Test
    void vectorExpEqualsItsScalarArithmeticBitForBit() {
        float[] x = new float[4099];
        for (int i = 0; i < x.length; i++) {
            x[i] = -100 + i * (190f / x.length);
        }
        float[] vector = x.clone();
        new VectorElementwise().exp(vector, 0, vector.length);
        int vectorized = FloatVector.SPECIES_PREFERRED.loopBound(x.length);
        for (int i = 0; i < vectorized; i++) {
            assertEquals(Float.floatToRawIntBits(scalarVectorExp(x[i])), Float.floatToRawIntBits(vector[i]),
                    "exp(" + x[i] + ")");
        }
    }

    /** The algorithm of {@link VectorElementwise}'s exponential on one float. */
    private static float scalarVectorExp(float v) {
        float x = Math.min(Math.max(v, -87f), 88f);
        float shifted = Math.fma(x, 1.44269504088896341f, 12582912f);
        float n = shifted - 12582912f;
        float r = Math.fma(n, -0.693359375f, x);
        r = Math.fma(n, 2.12194440e-4f, r);
        float p = 1.9875691500e-4f;
        for (float c : new float[] {1.3981999507e-3f, 8.3334519073e-3f, 4.1665795894e-2f, 1.6666665459e-1f,
            5.0000001201e-1f}) {
            p = Math.fma(p, r, c);
        }
        float expR = p * (r * r) + r + 1f;
        int exponent = (Float.floatToRawIntBits(shifted) - (Float.floatToRawIntBits(12582912f) - 127)) << 23;
        return expR * Float.intBitsToFloat(exponent);
    }
}
