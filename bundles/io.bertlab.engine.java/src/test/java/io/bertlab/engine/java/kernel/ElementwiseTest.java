package io.bertlab.engine.java.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        }
    }
}
