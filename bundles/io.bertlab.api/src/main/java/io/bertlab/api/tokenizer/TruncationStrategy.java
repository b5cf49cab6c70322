package io.bertlab.api.tokenizer;

/** How a pair of sequences is shortened to fit {@link Truncation#maxLength()}, as HuggingFace defines it. */
public enum TruncationStrategy {
    /** Removes tokens from the longer sequence first, so both end up about as long. */
    LONGEST_FIRST,
    /** Removes tokens only from the first sequence. */
    ONLY_FIRST,
    /** Removes tokens only from the second sequence. */
    ONLY_SECOND
}
