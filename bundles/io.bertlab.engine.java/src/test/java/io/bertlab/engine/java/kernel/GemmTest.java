package io.bertlab.engine.java.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Both kernels against a plain triple loop in double, on shapes that do not divide into tiles. */
class GemmTest {

    private static final int[][] SHAPES = {{1, 1, 1}, {3, 5, 7}, {4, 8, 24}, {9, 33, 50}, {70, 17, 49}, {130, 64, 96}};

    @Test
    void kernelsAgreeWithReferenceOnRaggedShapes() {
        assertTrue(Kernels.vectorApiAvailable(), "tests run with --add-modules jdk.incubator.vector (see the pom)");
        try (Parallel parallel = new Parallel(2)) {
            for (MatrixKernel kernel : List.of(new ScalarKernel(), new VectorKernel())) {
                Gemm gemm = new Gemm(kernel, parallel);
                for (int[] shape : SHAPES) {
                    check(gemm, shape[0], shape[1], shape[2], true);
                    check(gemm, shape[0], shape[1], shape[2], false);
                }
            }
        }
    }

    private static void check(Gemm gemm, int m, int k, int n, boolean withBias) {
        SplittableRandom random = new SplittableRandom(m * 1000L + k * 10L + n);
        float[] a = randoms(random, m * k);
        float[] weight = randoms(random, n * k);
        float[] bias = withBias ? randoms(random, n) : null;
        float[] c = new float[m * n];
        gemm.multiply(a, m, PackedMatrix.ofTransposed(weight, n, k, gemm.kernel().panelWidth()), bias, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double expected = withBias ? bias[j] : 0;
                for (int kk = 0; kk < k; kk++) {
                    expected += (double) a[i * k + kk] * weight[j * k + kk];
                }
                assertEquals(expected, c[i * n + j], 1e-5 * (1 + k),
                        gemm.kernel().name() + " " + m + "x" + k + "x" + n + " at [" + i + ", " + j + "]");
            }
        }
    }

    @Test
    void packedRowMajorEqualsPackedTranspose() {
        SplittableRandom random = new SplittableRandom(1);
        float[] w = randoms(random, 5 * 7);
        float[] wT = new float[w.length];
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 7; c++) {
                wT[c * 5 + r] = w[r * 7 + c];
            }
        }
        PackedMatrix a = PackedMatrix.ofTransposed(w, 5, 7, 16);
        PackedMatrix b = PackedMatrix.of(wT, 7, 5, 16);
        assertEquals(java.util.Arrays.toString(a.data()), java.util.Arrays.toString(b.data()));
    }

    private static float[] randoms(SplittableRandom random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (2 * random.nextDouble() - 1);
        }
        return v;
    }
}
