package io.bertlab.tokenizer.core.spi;

import io.bertlab.api.tokenizer.TokenizerFormatException;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The {@code model} object of a {@code tokenizer.json}, with typed accessors whose errors name the file, the
 * JSON path and what was expected.
 */
@ProviderType
public interface ModelConfig {

    /**
     * Whether a field is present (null counts as present).
     *
     * @param field the field name
     * @return true when present
     */
    boolean has(String field);

    /**
     * A string field that may be absent or null.
     *
     * @param field the field
     * @param fallback the value when absent or null
     * @return the value
     * @throws TokenizerFormatException when present but not a string
     */
    String string(String field, String fallback) throws TokenizerFormatException;

    /**
     * A boolean field.
     *
     * @param field the field
     * @param fallback the value when absent or null
     * @return the value
     * @throws TokenizerFormatException when present but not a boolean
     */
    boolean bool(String field, boolean fallback) throws TokenizerFormatException;

    /**
     * A non-negative integer field.
     *
     * @param field the field
     * @param fallback the value when absent or null
     * @return the value
     * @throws TokenizerFormatException when present but not a non-negative integer
     */
    int integer(String field, int fallback) throws TokenizerFormatException;

    /**
     * A number field that may be null.
     *
     * @param field the field
     * @return the value, or null when absent or null
     * @throws TokenizerFormatException when present but not a number
     */
    Double number(String field) throws TokenizerFormatException;

    /**
     * A vocabulary: an object of token to non-negative id.
     *
     * @param field the field
     * @return token to id, in file order
     * @throws TokenizerFormatException when absent, not an object, or an id is not a non-negative integer
     */
    Map<String, Integer> vocabulary(String field) throws TokenizerFormatException;

    /**
     * BPE merges: an array of {@code "left right"} strings or of {@code ["left", "right"]} pairs.
     *
     * @param field the field
     * @return the pairs, in rank order
     * @throws TokenizerFormatException when malformed
     */
    List<String[]> merges(String field) throws TokenizerFormatException;

    /**
     * An array of {@code [token, score]} pairs, e.g. Unigram's {@code vocab}.
     *
     * @param field the field
     * @return the pairs, in file order
     * @throws TokenizerFormatException when absent or not an array, or an element is not a string and a number
     *     (naming the element, e.g. {@code model.vocab[3]})
     * @since 1.2
     */
    List<ScoredToken> scoredTokens(String field) throws TokenizerFormatException;

    /**
     * An error at a field of this object.
     *
     * @param field the field (or {@code field[index]})
     * @param problem what was found and what was expected
     * @return the exception, to throw
     */
    TokenizerFormatException error(String field, String problem);
}
