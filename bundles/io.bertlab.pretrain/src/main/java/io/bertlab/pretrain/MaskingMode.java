package io.bertlab.pretrain;

/** How masked-LM targets are chosen. */
public enum MaskingMode {
    /**
     * Google's {@code create_pretraining_data.py}: exactly {@code min(max_predictions, max(1, round(n * prob)))}
     * positions per instance (whole words when asked), fixed at generation time; with the same seed, the same
     * instances as the script under CPython.
     */
    GOOGLE,
    /**
     * HuggingFace's {@code DataCollatorForLanguageModeling}: each non-special token independently with probability
     * {@code masked_lm_prob}, no cap, meant to be redrawn every epoch (dynamic masking).
     */
    HF;

    /**
     * Parses {@code google} or {@code hf}.
     *
     * @param text the name
     * @return the mode
     * @throws IllegalArgumentException for another name
     */
    public static MaskingMode parse(String text) {
        return switch (text) {
            case "google" -> GOOGLE;
            case "hf" -> HF;
            default -> throw new IllegalArgumentException("expected google or hf, not '" + text + "'");
        };
    }
}
