package io.bertlab.engine.java.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernel on the JDK Vector API: a 4-row × 3-vector register tile of fused multiply-adds (12 accumulators, which fit
 * the 16 vector registers of AVX2) streaming one packed panel. Loaded only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}.
 */
public final class VectorKernel implements MatrixKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int PANEL_WIDTH = 3 * LANES;
    private static final int ROWS = 4;

    @Override
    public int panelWidth() {
        return PANEL_WIDTH;
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize();
    }

    @Override
    public void multiply(float[] a, PackedMatrix b, float[] bias, float[] c, int rowStart, int rowEnd,
            int panelStart, int panelEnd) {
        float[] tile = new float[ROWS * PANEL_WIDTH];
        for (int p = panelStart; p < panelEnd; p++) {
            int i = rowStart;
            for (; i + ROWS <= rowEnd; i += ROWS) {
                fourRows(a, b, p, i, tile);
                store(tile, ROWS, b, bias, c, i, p);
            }
            for (; i < rowEnd; i++) {
                oneRow(a, b, p, i, tile);
                store(tile, 1, b, bias, c, i, p);
            }
        }
    }

    /*
     * The vector methods below are straight-line loops without data-dependent branches: a branch first taken after
     * compilation would send them back to the interpreter, where every vector operation allocates.
     */

    private static void fourRows(float[] a, PackedMatrix b, int panel, int row, float[] tile) {
        int k = b.rows();
        float[] packed = b.data();
        int base = b.panelOffset(panel);
        int a0 = row * k;
        int a1 = a0 + k;
        int a2 = a1 + k;
        int a3 = a2 + k;
        FloatVector c00 = FloatVector.zero(SPECIES), c01 = c00, c02 = c00;
        FloatVector c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00;
        FloatVector c30 = c00, c31 = c00, c32 = c00;
        for (int kk = 0; kk < k; kk++) {
            // The offset is derived from the loop counter so that the JIT can drop the bounds checks.
            int bo = base + kk * PANEL_WIDTH;
            FloatVector b0 = FloatVector.fromArray(SPECIES, packed, bo);
            FloatVector b1 = FloatVector.fromArray(SPECIES, packed, bo + LANES);
            FloatVector b2 = FloatVector.fromArray(SPECIES, packed, bo + 2 * LANES);
            FloatVector x = FloatVector.broadcast(SPECIES, a[a0 + kk]);
            c00 = b0.fma(x, c00);
            c01 = b1.fma(x, c01);
            c02 = b2.fma(x, c02);
            x = FloatVector.broadcast(SPECIES, a[a1 + kk]);
            c10 = b0.fma(x, c10);
            c11 = b1.fma(x, c11);
            c12 = b2.fma(x, c12);
            x = FloatVector.broadcast(SPECIES, a[a2 + kk]);
            c20 = b0.fma(x, c20);
            c21 = b1.fma(x, c21);
            c22 = b2.fma(x, c22);
            x = FloatVector.broadcast(SPECIES, a[a3 + kk]);
            c30 = b0.fma(x, c30);
            c31 = b1.fma(x, c31);
            c32 = b2.fma(x, c32);
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, LANES);
        c02.intoArray(tile, 2 * LANES);
        c10.intoArray(tile, PANEL_WIDTH);
        c11.intoArray(tile, PANEL_WIDTH + LANES);
        c12.intoArray(tile, PANEL_WIDTH + 2 * LANES);
        c20.intoArray(tile, 2 * PANEL_WIDTH);
        c21.intoArray(tile, 2 * PANEL_WIDTH + LANES);
        c22.intoArray(tile, 2 * PANEL_WIDTH + 2 * LANES);
        c30.intoArray(tile, 3 * PANEL_WIDTH);
        c31.intoArray(tile, 3 * PANEL_WIDTH + LANES);
        c32.intoArray(tile, 3 * PANEL_WIDTH + 2 * LANES);
    }

    private static void oneRow(float[] a, PackedMatrix b, int panel, int row, float[] tile) {
        int k = b.rows();
        float[] packed = b.data();
        int base = b.panelOffset(panel);
        int a0 = row * k;
        FloatVector c0 = FloatVector.zero(SPECIES), c1 = c0, c2 = c0;
        for (int kk = 0; kk < k; kk++) {
            int bo = base + kk * PANEL_WIDTH;
            FloatVector x = FloatVector.broadcast(SPECIES, a[a0 + kk]);
            c0 = FloatVector.fromArray(SPECIES, packed, bo).fma(x, c0);
            c1 = FloatVector.fromArray(SPECIES, packed, bo + LANES).fma(x, c1);
            c2 = FloatVector.fromArray(SPECIES, packed, bo + 2 * LANES).fma(x, c2);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, LANES);
        c2.intoArray(tile, 2 * LANES);
    }

    /** Copies a tile into {@code C}, adding the bias and dropping the zero padding of the last panel. */
    private static void store(float[] tile, int rows, PackedMatrix b, float[] bias, float[] c, int row, int panel) {
        int n = b.columns();
        int column = panel * PANEL_WIDTH;
        int width = Math.min(PANEL_WIDTH, n - column);
        for (int r = 0; r < rows; r++) {
            int t = r * PANEL_WIDTH;
            int out = (row + r) * n + column;
            if (bias == null) {
                System.arraycopy(tile, t, c, out, width);
            } else {
                for (int j = 0; j < width; j++) {
                    c[out + j] = tile[t + j] + bias[column + j];
                }
            }
        }
    }
}
