package io.bertlab.api.tokenizer;

import java.util.Optional;

/**
 * Per-call settings of {@link Tokenizer#encode(String, EncodeOptions)}: whether to add the special tokens of the
 * post-processor, and the truncation and padding to apply (absent = none). {@link Tokenizer#defaults()} gives the
 * settings stored in the tokenizer's file; {@link #with(Truncation)} and friends derive variants. Immutable.
 */
public final class EncodeOptions {

    private static final EncodeOptions PLAIN = new EncodeOptions(true, null, null);

    private final boolean addSpecialTokens;
    private final Truncation truncation;
    private final Padding padding;

    private EncodeOptions(boolean addSpecialTokens, Truncation truncation, Padding padding) {
        this.addSpecialTokens = addSpecialTokens;
        this.truncation = truncation;
        this.padding = padding;
    }

    /**
     * Special tokens on, no truncation, no padding.
     *
     * @return the options
     */
    public static EncodeOptions plain() {
        return PLAIN;
    }

    /**
     * Options from their three parts.
     *
     * @param addSpecialTokens whether the post-processor adds special tokens ({@code [CLS]}, {@code [SEP]}, ...)
     * @param truncation truncation settings, or null for none
     * @param padding padding settings, or null for none
     * @return the options
     */
    public static EncodeOptions of(boolean addSpecialTokens, Truncation truncation, Padding padding) {
        return new EncodeOptions(addSpecialTokens, truncation, padding);
    }

    /**
     * Whether special tokens are added.
     *
     * @return true to add them
     */
    public boolean addSpecialTokens() {
        return addSpecialTokens;
    }

    /**
     * The truncation settings.
     *
     * @return present when inputs are truncated
     */
    public Optional<Truncation> truncation() {
        return Optional.ofNullable(truncation);
    }

    /**
     * The padding settings.
     *
     * @return present when encodings are padded
     */
    public Optional<Padding> padding() {
        return Optional.ofNullable(padding);
    }

    /**
     * These options with special tokens switched on or off.
     *
     * @param add whether to add special tokens
     * @return new options
     */
    public EncodeOptions withSpecialTokens(boolean add) {
        return new EncodeOptions(add, truncation, padding);
    }

    /**
     * These options with other truncation settings.
     *
     * @param newTruncation the truncation, or null for none
     * @return new options
     */
    public EncodeOptions with(Truncation newTruncation) {
        return new EncodeOptions(addSpecialTokens, newTruncation, padding);
    }

    /**
     * These options with other padding settings.
     *
     * @param newPadding the padding, or null for none
     * @return new options
     */
    public EncodeOptions with(Padding newPadding) {
        return new EncodeOptions(addSpecialTokens, truncation, newPadding);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncodeOptions o && o.addSpecialTokens == addSpecialTokens
                && java.util.Objects.equals(o.truncation, truncation) && java.util.Objects.equals(o.padding, padding);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(addSpecialTokens, truncation, padding);
    }

    @Override
    public String toString() {
        return "EncodeOptions[addSpecialTokens=" + addSpecialTokens + ", truncation=" + truncation + ", padding="
                + padding + "]";
    }
}
