package io.bertlab.api.tokenizer;

import java.util.Objects;

/**
 * Padding settings. Pad tokens have id {@code padId}, type id {@code padTypeId}, attention mask 0, special-token
 * mask 1, offsets {@code (0, 0)}, word id and sequence id -1.
 *
 * @param strategy to the longest of the batch, or to a fixed length
 * @param length the fixed length for {@link PaddingStrategy#FIXED}; ignored otherwise
 * @param padToMultipleOf when positive, the padded length is rounded up to a multiple of it
 * @param direction where pad tokens go
 * @param padId the id of the pad token
 * @param padTypeId the type id of pad tokens
 * @param padToken the text of the pad token
 */
public record Padding(PaddingStrategy strategy, int length, int padToMultipleOf, Direction direction, int padId,
        int padTypeId, String padToken) {

    /**
     * Checks the settings.
     *
     * @param strategy the strategy
     * @param length the fixed length, at least 0
     * @param padToMultipleOf 0 for none, else positive
     * @param direction where pad tokens go
     * @param padId the pad id
     * @param padTypeId the pad type id
     * @param padToken the pad token text
     */
    public Padding {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(padToken, "padToken");
        if (length < 0 || padToMultipleOf < 0) {
            throw new IllegalArgumentException("padding needs length >= 0 and pad_to_multiple_of >= 0, got length="
                    + length + " pad_to_multiple_of=" + padToMultipleOf);
        }
    }

    /**
     * Padding to the longest of the batch, at the right, with HuggingFace's defaults (id 0, type 0, {@code [PAD]}).
     *
     * @return the settings
     */
    public static Padding longest() {
        return new Padding(PaddingStrategy.LONGEST, 0, 0, Direction.RIGHT, 0, 0, "[PAD]");
    }

    /**
     * Padding to a fixed length, at the right, with HuggingFace's defaults (id 0, type 0, {@code [PAD]}).
     *
     * @param length the length every encoding is padded to
     * @return the settings
     */
    public static Padding fixed(int length) {
        return new Padding(PaddingStrategy.FIXED, length, 0, Direction.RIGHT, 0, 0, "[PAD]");
    }

    /**
     * The same settings with another strategy.
     *
     * @param newStrategy longest or fixed
     * @param newLength the fixed length (ignored for longest)
     * @return new settings
     */
    public Padding withStrategy(PaddingStrategy newStrategy, int newLength) {
        return new Padding(newStrategy, newLength, padToMultipleOf, direction, padId, padTypeId, padToken);
    }

    /**
     * The same settings with another pad token.
     *
     * @param token the pad token text
     * @param id its id
     * @return new settings
     */
    public Padding withPadToken(String token, int id) {
        return new Padding(strategy, length, padToMultipleOf, direction, id, padTypeId, token);
    }
}
