package io.bertlab.engine.java.kernel;

import java.util.Arrays;

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
        return ofTransposed(weight, 0, in, out, in, panelWidth, new float[storageSize(in, out, panelWidth)]);
    }

    /**
     * Packs the transpose of a strided block: {@code B[k, n] = source[offset + n·stride + k]}, for {@code n < out},
     * {@code k < in}. Attention packs one head's keys so, straight from the {@code [tokens, hidden]} layout.
     *
     * @param source the values
     * @param offset the index of the block's first element
     * @param stride the distance between the block's rows in {@code source}
     * @param out the block's rows: the columns {@code n} of {@code B}
     * @param in the block's columns: the rows {@code k} of {@code B}
     * @param panelWidth the kernel's panel width
     * @param storage where to pack, at least {@link #storageSize(int, int, int) storageSize(in, out, panelWidth)}
     *        long, reused between calls (every element the kernel reads is overwritten)
     * @return the packed matrix over {@code storage}
     */
    public static PackedMatrix ofTransposed(float[] source, int offset, int stride, int out, int in, int panelWidth,
            float[] storage) {
        packTransposed(source, offset, stride, out, in, panelWidth, storage, 0, panelCount(out, panelWidth));
        return new PackedMatrix(in, out, panelWidth, storage);
    }

    /**
     * Packs the transpose of a linear layer's weight as {@link #ofTransposed(float[], int, int, int)} does, panels
     * shared out among the compute threads: training packs its weights anew at every step.
     *
     * @param weight {@code W}, row-major {@code [out, in]}
     * @param out the number of outputs (rows of {@code W})
     * @param in the number of inputs (columns of {@code W})
     * @param panelWidth the kernel's panel width
     * @param parallel the compute threads
     * @return {@code Wᵀ}, packed
     */
    public static PackedMatrix ofTransposed(float[] weight, int out, int in, int panelWidth, Parallel parallel) {
        float[] storage = new float[storageSize(in, out, panelWidth)];
        parallel.forEachRange(panelCount(out, panelWidth), 1,
                (from, to) -> packTransposed(weight, 0, in, out, in, panelWidth, storage, from, to));
        return new PackedMatrix(in, out, panelWidth, storage);
    }

    private static void packTransposed(float[] source, int offset, int stride, int out, int in, int panelWidth,
            float[] storage, int panelStart, int panelEnd) {
        for (int panel = panelStart; panel < panelEnd; panel++) {
            int base = panel * panelWidth * in;
            for (int lane = 0; lane < panelWidth; lane++) {
                int n = panel * panelWidth + lane;
                if (n < out) {
                    int from = offset + n * stride;
                    for (int k = 0; k < in; k++) {
                        storage[base + k * panelWidth + lane] = source[from + k];
                    }
                } else {
                    for (int k = 0; k < in; k++) {
                        storage[base + k * panelWidth + lane] = 0f;
                    }
                }
            }
        }
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
        return of(matrix, 0, columns, rows, columns, panelWidth, new float[storageSize(rows, columns, panelWidth)]);
    }

    /**
     * Packs a strided block as it is: {@code B[k, n] = source[offset + k·stride + n]}.
     *
     * @param source the values
     * @param offset the index of the block's first element
     * @param stride the distance between the block's rows in {@code source}
     * @param rows the block's rows ({@code k})
     * @param columns the block's columns ({@code n})
     * @param panelWidth the kernel's panel width
     * @param storage where to pack, at least {@link #storageSize(int, int, int) storageSize(rows, columns,
     *        panelWidth)} long, reused between calls (every element the kernel reads is overwritten)
     * @return the packed matrix over {@code storage}
     */
    public static PackedMatrix of(float[] source, int offset, int stride, int rows, int columns, int panelWidth,
            float[] storage) {
        pack(source, offset, stride, rows, columns, panelWidth, storage, 0, panelCount(columns, panelWidth));
        return new PackedMatrix(rows, columns, panelWidth, storage);
    }

    /**
     * Packs a row-major matrix as {@link #of(float[], int, int, int)} does, panels shared out among the compute
     * threads: training packs activations and weights anew at every step.
     *
     * @param matrix {@code B}, row-major {@code [rows, columns]}
     * @param rows its rows ({@code k})
     * @param columns its columns ({@code n})
     * @param panelWidth the kernel's panel width
     * @param parallel the compute threads
     * @return {@code B}, packed
     */
    public static PackedMatrix of(float[] matrix, int rows, int columns, int panelWidth, Parallel parallel) {
        float[] storage = new float[storageSize(rows, columns, panelWidth)];
        parallel.forEachRange(panelCount(columns, panelWidth), 1,
                (from, to) -> pack(matrix, 0, columns, rows, columns, panelWidth, storage, from, to));
        return new PackedMatrix(rows, columns, panelWidth, storage);
    }

    private static void pack(float[] source, int offset, int stride, int rows, int columns, int panelWidth,
            float[] storage, int panelStart, int panelEnd) {
        for (int panel = panelStart; panel < panelEnd; panel++) {
            int column = panel * panelWidth;
            int width = Math.min(panelWidth, columns - column);
            int base = panel * panelWidth * rows;
            for (int k = 0; k < rows; k++) {
                int to = base + k * panelWidth;
                System.arraycopy(source, offset + k * stride + column, storage, to, width);
                Arrays.fill(storage, to + width, to + panelWidth, 0f);
            }
        }
    }

    private static int panelCount(int columns, int panelWidth) {
        return (columns + panelWidth - 1) / panelWidth;
    }

    /**
     * The storage a packed {@code [rows, columns]} matrix needs.
     *
     * @param rows rows ({@code k})
     * @param columns columns ({@code n})
     * @param panelWidth the kernel's panel width
     * @return floats needed
     */
    public static int storageSize(int rows, int columns, int panelWidth) {
        return panelCount(columns, panelWidth) * panelWidth * rows;
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
        return panelCount(columns, panelWidth);
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
