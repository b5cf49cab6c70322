package io.bertlab.api.tokenizer;

/** The side of a sequence where truncation removes tokens or padding adds them. */
public enum Direction {
    /** At the start of the sequence. */
    LEFT,
    /** At the end of the sequence (the usual choice). */
    RIGHT
}
