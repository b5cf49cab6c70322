package io.bertlab.spark;

import io.bertlab.api.tokenizer.Direction;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Padding;
import io.bertlab.api.tokenizer.PaddingStrategy;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.api.tokenizer.TruncationStrategy;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link SparkTokenization} encodes a column: the options of {@code bertlab tokenize}, over the tokenizer
 * file's own settings. Immutable and serializable.
 *
 * @param tokenizer a {@code tokenizer.json}, {@code vocab.txt} or {@code vocab.json} as every executor sees it
 * @param maxLength truncate to this many tokens (special tokens included), as {@code --max-length}; {@code 0} keeps
 *        the file's truncation
 * @param truncation {@code longest_first} (default), {@code only_first} or {@code only_second}: which text of a pair
 *        loses tokens, as {@code --truncation}
 * @param padding {@code file} (default: the file's padding, as {@code tokenize} without {@code --padding}, except that
 *        a file asking to pad to the longest text is not padded: in Spark the longest text of a call depends on how
 *        the rows are partitioned), {@code none}, or {@code max_length} (pad to {@code maxLength}, as
 *        {@code --padding max_length})
 * @param lowercase for a {@code vocab.txt}: whether the tokenizer lower-cases ({@code null}: the loader's default,
 *        lower-casing)
 * @param prefix prefixed to the output columns' names ({@code input_ids}, {@code token_type_ids},
 *        {@code attention_mask}, {@code tokenize_error})
 */
public record TokenizationOptions(String tokenizer, int maxLength, String truncation, String padding, Boolean lowercase,
        String prefix) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Validates the options on the driver.
     *
     * @throws IllegalArgumentException naming the option at fault
     */
    public TokenizationOptions {
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(truncation, "truncation");
        Objects.requireNonNull(padding, "padding");
        Objects.requireNonNull(prefix, "prefix");
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be 0 (the file's truncation) or positive, was "
                    + maxLength);
        }
        strategy(truncation);
        if (!padding.equals("file") && !padding.equals("none") && !padding.equals("max_length")) {
            throw new IllegalArgumentException("padding must be file, none or max_length, was '" + padding + "'");
        }
        if (padding.equals("max_length") && maxLength == 0) {
            throw new IllegalArgumentException("padding max_length needs maxLength");
        }
    }

    /**
     * The file's own settings, as {@code bertlab tokenize --tokenizer FILE} without options.
     *
     * @param tokenizer the tokenizer file, as the executors see it
     * @return the options
     */
    public static TokenizationOptions of(String tokenizer) {
        return new TokenizationOptions(tokenizer, 0, "longest_first", "file", null, "");
    }

    /**
     * @param newMaxLength tokens to truncate to
     * @return these options truncating to another length
     */
    public TokenizationOptions withMaxLength(int newMaxLength) {
        return new TokenizationOptions(tokenizer, newMaxLength, truncation, padding, lowercase, prefix);
    }

    /**
     * @param newTruncation {@code longest_first}, {@code only_first} or {@code only_second}
     * @return these options with another truncation strategy
     */
    public TokenizationOptions withTruncation(String newTruncation) {
        return new TokenizationOptions(tokenizer, maxLength, newTruncation, padding, lowercase, prefix);
    }

    /**
     * @param newPadding {@code file}, {@code none} or {@code max_length}
     * @return these options with another padding
     */
    public TokenizationOptions withPadding(String newPadding) {
        return new TokenizationOptions(tokenizer, maxLength, truncation, newPadding, lowercase, prefix);
    }

    /**
     * @param newLowercase for a {@code vocab.txt}: whether to lower-case
     * @return these options with the loader told so
     */
    public TokenizationOptions withLowercase(Boolean newLowercase) {
        return new TokenizationOptions(tokenizer, maxLength, truncation, padding, newLowercase, prefix);
    }

    /**
     * @param newPrefix prefixed to the output columns' names
     * @return these options writing to other columns
     */
    public TokenizationOptions withPrefix(String newPrefix) {
        return new TokenizationOptions(tokenizer, maxLength, truncation, padding, lowercase, newPrefix);
    }

    /** @return the token ids column */
    public String idsColumn() {
        return prefix + "input_ids";
    }

    /** @return the segment ids column */
    public String typeIdsColumn() {
        return prefix + "token_type_ids";
    }

    /** @return the attention mask column */
    public String attentionMaskColumn() {
        return prefix + "attention_mask";
    }

    /** @return the column giving why a row was not tokenized ({@code null} when it was) */
    public String errorColumn() {
        return prefix + "tokenize_error";
    }

    /** @return the loader's options for the file */
    Map<String, String> loaderOptions() {
        Map<String, String> options = new HashMap<>();
        if (lowercase != null) {
            options.put(TokenizerLoader.OPTION_LOWERCASE, lowercase.toString());
        }
        return options;
    }

    /**
     * The options the tokenizer encodes with: its defaults, with truncation and padding as asked (the same rules as
     * {@code bertlab tokenize}'s {@code --max-length}, {@code --truncation} and {@code --padding}).
     */
    EncodeOptions encodeOptions(Tokenizer loaded) {
        EncodeOptions defaults = loaded.defaults();
        Truncation cut = defaults.truncation().orElse(null);
        if (maxLength > 0) {
            cut = new Truncation(strategy(truncation), maxLength, 0, Direction.RIGHT);
        }
        Padding pad = switch (padding) {
            case "none" -> null;
            case "max_length" -> defaults.padding().orElseGet(loaded::defaultPadding)
                    .withStrategy(PaddingStrategy.FIXED, maxLength);
            default -> defaults.padding().filter(p -> p.strategy() == PaddingStrategy.FIXED).orElse(null);
        };
        return EncodeOptions.of(defaults.addSpecialTokens(), cut, pad);
    }

    private static TruncationStrategy strategy(String name) {
        try {
            return TruncationStrategy.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("truncation must be longest_first, only_first or only_second, was '"
                    + name + "'", e);
        }
    }
}
