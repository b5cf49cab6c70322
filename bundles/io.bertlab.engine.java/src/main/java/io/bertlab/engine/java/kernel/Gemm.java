package io.bertlab.engine.java.kernel;

/**
 * Splits {@code C = A·B + bias} into tiles of rows × panels and runs them on the compute threads. A tile's rows of
 * {@code A} stay in the core's cache while the tile walks its panels.
 */
public final class Gemm {

    /** Rows per tile: 64 rows of a 1536-wide {@code A} are 384 KiB, within a core's L2. */
    private static final int ROW_BLOCK = 64;
    /** Enough tiles per thread to even out threads that finish early. */
    private static final int TILES_PER_THREAD = 4;

    private final MatrixKernel kernel;
    private final Parallel parallel;

    /**
     * A multiplier running a kernel on threads.
     *
     * @param kernel the kernel
     * @param parallel the compute threads
     */
    public Gemm(MatrixKernel kernel, Parallel parallel) {
        this.kernel = kernel;
        this.parallel = parallel;
    }

    /**
     * The kernel, whose panel width packed matrices must use.
     *
     * @return the kernel
     */
    public MatrixKernel kernel() {
        return kernel;
    }

    /**
     * The compute threads.
     *
     * @return the threads
     */
    public Parallel parallel() {
        return parallel;
    }

    /**
     * Computes {@code C = A·B + bias}.
     *
     * @param a {@code A}, row-major {@code [m, b.rows()]}
     * @param m the rows of {@code A} and {@code C}
     * @param b {@code B}, packed for this kernel
     * @param bias length {@code b.columns()}, or {@code null}
     * @param c {@code C}, row-major {@code [m, b.columns()]}, overwritten
     */
    public void multiply(float[] a, int m, PackedMatrix b, float[] bias, float[] c) {
        if (b.panelWidth() != kernel.panelWidth()) {
            throw new IllegalArgumentException("matrix packed for panel width " + b.panelWidth() + ", kernel "
                    + kernel.name() + " needs " + kernel.panelWidth());
        }
        int rowBlocks = (m + ROW_BLOCK - 1) / ROW_BLOCK;
        int panels = b.panelCount();
        int wanted = parallel.threads() * TILES_PER_THREAD;
        int panelGroups = Math.max(1, Math.min(panels, (wanted + rowBlocks - 1) / rowBlocks));
        int panelsPerGroup = (panels + panelGroups - 1) / panelGroups;
        parallel.forEach(rowBlocks * panelGroups, tile -> {
            int rowBlock = tile / panelGroups;
            int group = tile % panelGroups;
            int rowStart = rowBlock * ROW_BLOCK;
            int panelStart = group * panelsPerGroup;
            kernel.multiply(a, b, bias, c, rowStart, Math.min(m, rowStart + ROW_BLOCK), panelStart,
                    Math.min(panels, panelStart + panelsPerGroup));
        });
    }
}
