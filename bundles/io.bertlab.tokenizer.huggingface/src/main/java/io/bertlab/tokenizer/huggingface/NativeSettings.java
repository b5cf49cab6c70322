package io.bertlab.tokenizer.huggingface;

import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import io.bertlab.api.tokenizer.Direction;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Padding;
import io.bertlab.api.tokenizer.PaddingStrategy;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.api.tokenizer.TruncationStrategy;

/**
 * Truncation and padding of a native HuggingFace tokenizer, which keeps them as state: bertlab's per-call
 * {@link EncodeOptions} are applied before each call. DJL's binding sets padding with HuggingFace's defaults for
 * the pad token (id 0, {@code [PAD]}, type 0) and only to the right, and cannot truncate from the left.
 */
final class NativeSettings {

    private NativeSettings() {
    }

    /**
     * Applies options to a native tokenizer.
     *
     * @param handle the native tokenizer
     * @param options the options
     * @throws IllegalArgumentException for settings the native binding cannot express
     */
    static void apply(long handle, EncodeOptions options) {
        if (options.truncation().isPresent()) {
            Truncation t = options.truncation().get();
            if (t.direction() != Direction.RIGHT) {
                throw new IllegalArgumentException("the huggingface implementation truncates only at the right");
            }
            TokenizersLibrary.LIB.setTruncation(handle, t.maxLength(), t.strategy().name(), t.stride());
        } else {
            TokenizersLibrary.LIB.disableTruncation(handle);
        }
        if (options.padding().isPresent()) {
            Padding p = options.padding().get();
            if (p.direction() != Direction.RIGHT) {
                throw new IllegalArgumentException("the huggingface implementation pads only at the right");
            }
            TokenizersLibrary.LIB.setPadding(handle, p.length(),
                    p.strategy() == PaddingStrategy.FIXED ? "MAX_LENGTH" : "LONGEST", p.padToMultipleOf());
        } else {
            TokenizersLibrary.LIB.disablePadding(handle);
        }
    }

    /**
     * The settings a native tokenizer was loaded with (its file's truncation and padding).
     *
     * @param handle the native tokenizer
     * @return the options
     */
    static EncodeOptions read(long handle) {
        TokenizersLibrary lib = TokenizersLibrary.LIB;
        String truncation = lib.getTruncationStrategy(handle);
        Truncation t = truncation.equals("DO_NOT_TRUNCATE") ? null
                : new Truncation(TruncationStrategy.valueOf(truncation.toUpperCase(java.util.Locale.ROOT)),
                        lib.getMaxLength(handle), lib.getStride(handle), Direction.RIGHT);
        String padding = lib.getPaddingStrategy(handle);
        Padding p = switch (padding) {
            case "LONGEST" -> new Padding(PaddingStrategy.LONGEST, 0, lib.getPadToMultipleOf(handle), Direction.RIGHT,
                    0, 0, "[PAD]");
            case "MAX_LENGTH" -> new Padding(PaddingStrategy.FIXED, lib.getMaxLength(handle),
                    lib.getPadToMultipleOf(handle), Direction.RIGHT, 0, 0, "[PAD]");
            default -> null;
        };
        return EncodeOptions.of(true, t, p);
    }
}
