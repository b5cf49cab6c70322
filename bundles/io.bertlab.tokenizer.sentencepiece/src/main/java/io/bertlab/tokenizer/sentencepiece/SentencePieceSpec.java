package io.bertlab.tokenizer.sentencepiece;

import java.util.List;

/**
 * What encoding and decoding need from a SentencePiece model, checked and free of protobuf types.
 *
 * @param pieces the vocabulary; a piece's id is its index
 * @param modelType UNIGRAM or BPE
 * @param unkId the id of the one UNKNOWN piece
 * @param byteFallback whether text the vocabulary cannot spell becomes {@code <0xXX>} byte pieces
 * @param precompiledCharsmap the normalization rules (HF's {@code Precompiled}); empty for the identity
 * @param addDummyPrefix whether a space is put before the text (so the first word looks like the others)
 * @param removeExtraWhitespaces whether leading, trailing and repeated spaces are dropped
 * @param escapeWhitespaces whether spaces are written as {@code ▁} (U+2581)
 */
record SentencePieceSpec(List<Piece> pieces, ModelType modelType, int unkId, boolean byteFallback,
        byte[] precompiledCharsmap, boolean addDummyPrefix, boolean removeExtraWhitespaces,
        boolean escapeWhitespaces) {

    /**
     * One vocabulary entry.
     *
     * @param text the piece as it appears in the vocabulary
     * @param score its log probability (Unigram) or merge priority (BPE)
     * @param type its kind
     */
    record Piece(String text, float score, PieceType type) {
    }

    /**
     * The unknown piece's text.
     *
     * @return e.g. {@code <unk>}
     */
    String unkPiece() {
        return pieces.get(unkId).text();
    }
}
