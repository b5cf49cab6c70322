package io.bertlab.tokenizer.wordpiece;

import io.bertlab.tokenizer.core.spi.TokenSink;

/**
 * Pieces packed in a long each: a token id in the high half and a code point count in the low half (a piece's
 * length in the automaton's failure pops, its end offset in a split word). In a list of failure pops the sign bit
 * marks the list's last piece, so that a node needs only the list's start. Arrays of longs keep matching free of
 * objects, and the per-thread buffer then holds only JDK types, so no thread pins this bundle's class loader.
 */
final class Pieces {

    private static final long LAST = Long.MIN_VALUE;

    private Pieces() {
    }

    /**
     * Packs a piece.
     *
     * @param id a token id (non-negative)
     * @param codePoints the piece's length or end offset, in code points
     * @return the packed piece
     */
    static long pack(int id, int codePoints) {
        return ((long) id << 32) | codePoints;
    }

    /** The token id of a packed piece. */
    static int id(long piece) {
        return (int) (piece >>> 32) & Integer.MAX_VALUE;
    }

    /** The length or end offset of a packed piece. */
    static int codePoints(long piece) {
        return (int) piece;
    }

    /** The piece, marked as the last of its list. */
    static long markLast(long piece) {
        return piece | LAST;
    }

    /** The piece, unmarked. */
    static long unmarkLast(long piece) {
        return piece & ~LAST;
    }

    /** Whether the piece ends its list. */
    static boolean isLast(long piece) {
        return piece < 0;
    }

    /**
     * Hands split pieces to a sink.
     *
     * @param pieces pieces packed with their end offsets, in order
     * @param count how many
     * @param sink receives each with its start and end offsets
     */
    static void emit(long[] pieces, int count, TokenSink sink) {
        int start = 0;
        for (int i = 0; i < count; i++) {
            int end = codePoints(pieces[i]);
            sink.token(id(pieces[i]), start, end);
            start = end;
        }
    }
}
