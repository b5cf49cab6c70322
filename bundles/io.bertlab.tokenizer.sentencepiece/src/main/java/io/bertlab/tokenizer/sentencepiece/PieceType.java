package io.bertlab.tokenizer.sentencepiece;

/** The kinds of vocabulary entry of a SentencePiece model, with their numbers in {@code ModelProto}. */
enum PieceType {
    /** An ordinary piece, found by the model. */
    NORMAL(1),
    /** The piece that stands for text the vocabulary cannot spell (exactly one per model). */
    UNKNOWN(2),
    /** A marker such as {@code <s>} or {@code </s>}: never produced from text by SentencePiece itself. */
    CONTROL(3),
    /** A symbol that is always one piece wherever it occurs in the text. */
    USER_DEFINED(4),
    /** Kept in the vocabulary but not meant to be produced. */
    UNUSED(5),
    /** One of the 256 pieces {@code <0x00>}..{@code <0xFF>} that byte fallback spells unknown text with. */
    BYTE(6);

    private final int number;

    PieceType(int number) {
        this.number = number;
    }

    /**
     * The type with a number.
     *
     * @param number the {@code type} field of a piece
     * @return the type, or null when no type has that number
     */
    static PieceType of(int number) {
        for (PieceType t : values()) {
            if (t.number == number) {
                return t;
            }
        }
        return null;
    }
}
