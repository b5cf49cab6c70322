package io.bertlab.engine.java.kernel;

/**
 * The right-hand matrix {@code B [k, n]} of {@code C = A·B}, packed in column panels of {@link #panelWidth()}
 * columns: panel {@code p} holds {@code B[0..k, p*w .. p*w+w]} row after row, contiguous, zero-padded on the right.
 * Kernels then stream each panel linearly. Linear layers pack their weight once, at load time.
 */
public final class PackedMatrix {

    private final int rows;
    private final int columns;
    private final int panelWidth;
    private final float[] panels;

    private PackedMatrix(int rows, int columns, int panelWidth, float[] panels) {
        this.rows = rows;
        this.columns = columns;
        this.panelWidth = panelWidth;
        this.panels = panels;
    }

    /**
     * Packs the transpose of a linear layer's weight: HF stores {@code W [out, in]} and the layer computes
     * {@code x·Wᵀ}, so {@code B = Wᵀ} is {@code [in, out]}.
     *
     * @param weight {@code W}, row-major {@code [out, in]}
     * @param out the number of outputs (rows of {@code W})
     * @param in the number of inputs (columns of {@code W})
     * @param panelWidth the kernel's panel width
     * @return {@code Wᵀ}, packed
     */
    public static PackedMatrix ofTransposed(float[] weight, int out, int in, int panelWidth) {
        int panelCount = (out + panelWidth - 1) / panelWidth;
        float[] panels = new float[panelCount * panelWidth * in];
        for (int n = 0; n < out; n++) {
            int panel = n / panelWidth;
            int lane = n % panelWidth;
            int base = panel * panelWidth * in + lane;
            for (int k = 0; k < in; k++) {
                panels[base + k * panelWidth] = weight[n * in + k];
            }
        }
        return new PackedMatrix(in, out, panelWidth, panels);
    }

    /**
     * Packs a row-major matrix as it is.
     *
     * @param matrix {@code B}, row-major {@code [rows, columns]}
     * @param rows its rows ({@code k})
     * @param columns its columns ({@code n})
     * @param panelWidth the kernel's panel width
     * @return {@code B}, packed
     */
    public static PackedMatrix of(float[] matrix, int rows, int columns, int panelWidth) {
        int panelCount = (columns + panelWidth - 1) / panelWidth;
        float[] panels = new float[panelCount * panelWidth * rows];
        for (int k = 0; k < rows; k++) {
            for (int n = 0; n < columns; n++) {
                panels[(n / panelWidth) * panelWidth * rows + k * panelWidth + n % panelWidth] = matrix[k * columns + n];
            }
        }
        return new PackedMatrix(rows, columns, panelWidth, panels);
    }

    /**
     * Rows of {@code B}: the inner dimension {@code k}.
     *
     * @return {@code k}
     */
    public int rows() {
        return rows;
    }

    /**
     * Columns of {@code B}: the output width {@code n}.
     *
     * @return {@code n}
     */
    public int columns() {
        return columns;
    }

    /**
     * Columns per panel.
     *
     * @return the panel width
     */
    public int panelWidth() {
        return panelWidth;
    }

    /**
     * The number of panels.
     *
     * @return {@code ceil(columns / panelWidth)}
     */
    public int panelCount() {
        return (columns + panelWidth - 1) / panelWidth;
    }

    /**
     * Offset of a panel in {@link #data()}.
     *
     * @param panel the panel index
     * @return its first element's offset
     */
    public int panelOffset(int panel) {
        return panel * panelWidth * rows;
    }

    /**
     * The packed values; not a copy.
     *
     * @return the panels, one after another
     */
    public float[] data() {
        return panels;
    }
}
