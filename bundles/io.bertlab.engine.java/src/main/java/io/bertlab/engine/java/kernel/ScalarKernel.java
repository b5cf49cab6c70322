package io.bertlab.engine.java.kernel;

/**
 * Plain-Java kernel, used when the Vector API is not available: each row accumulates a whole panel in a small
 * array, a loop shape the JIT compiler vectorizes by itself.
 */
public final class ScalarKernel implements MatrixKernel {

    private static final int PANEL_WIDTH = 16;

    @Override
    public int panelWidth() {
        return PANEL_WIDTH;
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void multiply(float[] a, PackedMatrix b, float[] bias, float[] c, int rowStart, int rowEnd,
            int panelStart, int panelEnd) {
        int k = b.rows();
        int n = b.columns();
        float[] packed = b.data();
        float[] acc = new float[PANEL_WIDTH];
        for (int p = panelStart; p < panelEnd; p++) {
            int panel = b.panelOffset(p);
            int column = p * PANEL_WIDTH;
            int width = Math.min(PANEL_WIDTH, n - column);
            for (int i = rowStart; i < rowEnd; i++) {
                java.util.Arrays.fill(acc, 0f);
                int aRow = i * k;
                for (int kk = 0; kk < k; kk++) {
                    float av = a[aRow + kk];
                    int bo = panel + kk * PANEL_WIDTH;
                    for (int j = 0; j < PANEL_WIDTH; j++) {
                        acc[j] += av * packed[bo + j];
                    }
                }
                int cRow = i * n + column;
                for (int j = 0; j < width; j++) {
                    c[cRow + j] = bias == null ? acc[j] : acc[j] + bias[column + j];
                }
            }
        }
    }
}
