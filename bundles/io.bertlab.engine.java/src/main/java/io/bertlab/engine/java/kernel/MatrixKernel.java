package io.bertlab.engine.java.kernel;

/**
 * Dense matrix multiplication {@code C = A·B + bias}, with {@code A} row-major and {@code B} packed. Implementations
 * differ only in how they use the CPU's vector units.
 */
public interface MatrixKernel {

    /**
     * The panel width {@link PackedMatrix}es must be packed with for this kernel.
     *
     * @return columns per panel
     */
    int panelWidth();

    /**
     * Computes rows {@code [rowStart, rowEnd)} and panels {@code [panelStart, panelEnd)} of
     * {@code C = A·B + bias}, overwriting {@code C}.
     *
     * @param a {@code A}, row-major {@code [m, k]} with row stride {@code k}
     * @param b {@code B}, packed with {@link #panelWidth()}
     * @param bias added to every row, length {@code n}, or {@code null}
     * @param c {@code C}, row-major {@code [m, n]} with row stride {@code n}
     * @param rowStart first row
     * @param rowEnd end row (exclusive)
     * @param panelStart first panel
     * @param panelEnd end panel (exclusive)
     */
    void multiply(float[] a, PackedMatrix b, float[] bias, float[] c, int rowStart, int rowEnd, int panelStart,
            int panelEnd);

    /**
     * A short name for diagnostics, e.g. {@code vector-256} or {@code scalar}.
     *
     * @return the name
     */
    String name();
}
