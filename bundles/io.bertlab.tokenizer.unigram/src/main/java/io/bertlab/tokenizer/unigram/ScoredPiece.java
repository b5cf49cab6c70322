package io.bertlab.tokenizer.unigram;

import java.util.Objects;

/**
 * One vocabulary entry of a Unigram model.
 *
 * @param piece the text
 * @param score its log probability
 */
public record ScoredPiece(String piece, double score) {

    /**
     * Checks the entry.
     *
     * @param piece the text, not null
     * @param score the log probability
     */
    public ScoredPiece {
        Objects.requireNonNull(piece, "piece");
    }
}
