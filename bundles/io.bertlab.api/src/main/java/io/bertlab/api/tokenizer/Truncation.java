package io.bertlab.api.tokenizer;

import java.util.Objects;

/**
 * Truncation settings: what does not fit {@code maxLength} (special tokens included) is cut, and, with a
 * {@code stride}, kept as overflowing encodings that overlap by {@code stride} tokens.
 *
 * @param strategy which sequence of a pair loses tokens
 * @param maxLength the maximum number of tokens, special tokens included; at least 0
 * @param stride how many tokens consecutive overflowing parts share; smaller than {@code maxLength}
 * @param direction which end of a sequence loses tokens
 */
public record Truncation(TruncationStrategy strategy, int maxLength, int stride, Direction direction) {

    /**
     * Checks the settings.
     *
     * @param strategy which sequence of a pair loses tokens
     * @param maxLength the maximum number of tokens, at least 0
     * @param stride overlap of overflowing parts, at least 0
     * @param direction which end loses tokens
     */
    public Truncation {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(direction, "direction");
        if (maxLength < 0 || stride < 0) {
            throw new IllegalArgumentException("truncation needs max_length >= 0 and stride >= 0, got max_length="
                    + maxLength + " stride=" + stride);
        }
    }

    /**
     * The common case: longest-first, no stride, cut at the right.
     *
     * @param maxLength the maximum number of tokens
     * @return the settings
     */
    public static Truncation longestFirst(int maxLength) {
        return new Truncation(TruncationStrategy.LONGEST_FIRST, maxLength, 0, Direction.RIGHT);
    }
}
