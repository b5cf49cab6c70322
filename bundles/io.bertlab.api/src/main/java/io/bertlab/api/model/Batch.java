package io.bertlab.api.model;

import java.util.Arrays;

/**
 * The encoder inputs of several sequences of equal (padded) length, as produced by any tokenizer:
 * {@code input_ids}, {@code token_type_ids} and {@code attention_mask}, each {@code [batch][sequence]}.
 * Immutable: the arrays are copied in and out.
 */
public final class Batch {

    private final int[][] inputIds;
    private final int[][] tokenTypeIds;
    private final int[][] attentionMask;

    /**
     * A batch from the three inputs.
     *
     * @param inputIds token ids, {@code [batch][sequence]}, rectangular, at least one row and one column
     * @param tokenTypeIds segment ids, the same shape
     * @param attentionMask {@code 1} for real tokens and {@code 0} for padding, the same shape
     */
    public Batch(int[][] inputIds, int[][] tokenTypeIds, int[][] attentionMask) {
        this.inputIds = copy("input_ids", inputIds, -1);
        int length = this.inputIds[0].length;
        this.tokenTypeIds = copy("token_type_ids", tokenTypeIds, length);
        this.attentionMask = copy("attention_mask", attentionMask, length);
        if (this.tokenTypeIds.length != this.inputIds.length || this.attentionMask.length != this.inputIds.length) {
            throw new IllegalArgumentException("input_ids, token_type_ids and attention_mask need the same number of rows: "
                    + this.inputIds.length + ", " + this.tokenTypeIds.length + ", " + this.attentionMask.length);
        }
        for (int[] row : this.attentionMask) {
            for (int m : row) {
                if (m != 0 && m != 1) {
                    throw new IllegalArgumentException("attention_mask values must be 0 or 1, found " + m);
                }
            }
        }
    }

    /**
     * A batch of single-segment sequences without padding: all token types {@code 0}, every token attended.
     *
     * @param inputIds token ids, {@code [batch][sequence]}, rectangular
     * @return the batch
     */
    public static Batch of(int[][] inputIds) {
        int rows = inputIds.length;
        int columns = rows == 0 ? 0 : inputIds[0].length;
        int[][] types = new int[rows][columns];
        int[][] mask = new int[rows][columns];
        for (int[] row : mask) {
            Arrays.fill(row, 1);
        }
        return new Batch(inputIds, types, mask);
    }

    private static int[][] copy(String name, int[][] rows, int expectedLength) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException(name + " needs at least one row");
        }
        int length = expectedLength < 0 ? rows[0].length : expectedLength;
        if (length == 0) {
            throw new IllegalArgumentException(name + " needs at least one column");
        }
        int[][] copy = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != length) {
                throw new IllegalArgumentException(name + " row " + i + " has length " + rows[i].length
                        + ", expected " + length + " (pad every row to the same length)");
            }
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /**
     * The number of sequences.
     *
     * @return the batch size
     */
    public int size() {
        return inputIds.length;
    }

    /**
     * The (padded) length of every sequence.
     *
     * @return the sequence length
     */
    public int sequenceLength() {
        return inputIds[0].length;
    }

    /**
     * Token ids.
     *
     * @return a copy, {@code [batch][sequence]}
     */
    public int[][] inputIds() {
        return deepCopy(inputIds);
    }

    /**
     * Segment ids.
     *
     * @return a copy, {@code [batch][sequence]}
     */
    public int[][] tokenTypeIds() {
        return deepCopy(tokenTypeIds);
    }

    /**
     * Attention mask: {@code 1} for real tokens, {@code 0} for padding.
     *
     * @return a copy, {@code [batch][sequence]}
     */
    public int[][] attentionMask() {
        return deepCopy(attentionMask);
    }

    /**
     * One token id, without copying.
     *
     * @param row the sequence
     * @param position the position in it
     * @return the token id
     */
    public int inputId(int row, int position) {
        return inputIds[row][position];
    }

    /**
     * One segment id, without copying.
     *
     * @param row the sequence
     * @param position the position in it
     * @return the token type id
     */
    public int tokenTypeId(int row, int position) {
        return tokenTypeIds[row][position];
    }

    /**
     * Whether one position is attended, without copying.
     *
     * @param row the sequence
     * @param position the position in it
     * @return true for a real token, false for padding
     */
    public boolean attended(int row, int position) {
        return attentionMask[row][position] == 1;
    }

    private static int[][] deepCopy(int[][] rows) {
        int[][] copy = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
