package io.bertlab.engine.java.kernel;

/**
 * Matrix transposition in square tiles of {@link #BLOCK} × {@code BLOCK} floats. Walking one source row at a time
 * writes each destination element to a different cache line (and, for wide matrices, a different page); within a
 * tile every source and destination row segment is one 64-byte line, and a tile touches only {@code 2·BLOCK} pages.
 */
public final class Transpose {

    /** Tile side: 16 floats are one cache line. */
    public static final int BLOCK = 16;

    private Transpose() {
    }

    /**
     * Writes {@code dst[c·rows + r] = src[r·columns + c]} for the source rows {@code [rowStart, rowEnd)}; blocks of
     * rows may be transposed by different threads.
     *
     * @param src row-major {@code [rows, columns]}
     * @param rows the source's rows
     * @param columns the source's columns
     * @param dst row-major {@code [columns, rows]}
     * @param rowStart first source row
     * @param rowEnd end source row (exclusive)
     */
    public static void rows(float[] src, int rows, int columns, float[] dst, int rowStart, int rowEnd) {
        for (int block = rowStart; block < rowEnd; block += BLOCK) {
            int blockEnd = Math.min(rowEnd, block + BLOCK);
            for (int tile = 0; tile < columns; tile += BLOCK) {
                int tileEnd = Math.min(columns, tile + BLOCK);
                for (int c = tile; c < tileEnd; c++) {
                    int out = c * rows;
                    for (int r = block; r < blockEnd; r++) {
                        dst[out + r] = src[r * columns + c];
                    }
                }
            }
        }
    }

    /**
     * Transposes a whole matrix on the calling thread.
     *
     * @param src row-major {@code [rows, columns]}
     * @param rows the source's rows
     * @param columns the source's columns
     * @param dst row-major {@code [columns, rows]}
     */
    public static void all(float[] src, int rows, int columns, float[] dst) {
        rows(src, rows, columns, dst, 0, rows);
    }
}
