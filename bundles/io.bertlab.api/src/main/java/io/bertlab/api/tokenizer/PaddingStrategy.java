package io.bertlab.api.tokenizer;

/** To which length encodings are padded. */
public enum PaddingStrategy {
    /** To the longest encoding of the batch (a single encoding: to its own length). */
    LONGEST,
    /** To a fixed length, {@link Padding#length()}. */
    FIXED
}
