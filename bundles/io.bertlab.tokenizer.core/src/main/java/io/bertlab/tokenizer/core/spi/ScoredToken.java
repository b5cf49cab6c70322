package io.bertlab.tokenizer.core.spi;

import java.util.Objects;

/**
 * One {@code [token, score]} pair of a {@code tokenizer.json} array, such as Unigram's {@code vocab}.
 *
 * @param token the token text
 * @param score its score, as a correctly rounding parser reads the number
 * @since 1.2
 */
public record ScoredToken(String token, double score) {

    /**
     * Checks the pair.
     *
     * @param token the token text, not null
     * @param score its score
     */
    public ScoredToken {
        Objects.requireNonNull(token, "token");
    }
}
