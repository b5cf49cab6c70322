package io.bertlab.tokenizer.service;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.tokenizer.Direction;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Padding;
import io.bertlab.api.tokenizer.PaddingStrategy;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.api.tokenizer.TruncationStrategy;
import java.util.Locale;
import java.util.Optional;

/** Turns {@code --max-length}, {@code --truncation} and {@code --padding} into options over the file's defaults. */
final class TokenizeOptions {

    private TokenizeOptions() {
    }

    static EncodeOptions from(Arguments arguments, Tokenizer tokenizer) throws UsageException {
        EncodeOptions defaults = tokenizer.defaults();
        EncodeOptions options = defaults;
        Optional<Integer> maxLength = arguments.has("--max-length")
                ? Optional.of(arguments.intValue("--max-length", 0)) : Optional.empty();
        if (maxLength.isPresent() && maxLength.get() <= 0) {
            throw new UsageException("tokenize: --max-length expects a positive integer, got " + maxLength.get());
        }
        if (arguments.has("--truncation") || maxLength.isPresent()) {
            TruncationStrategy strategy = strategy(arguments.value("--truncation").orElse("longest_first"));
            int length = maxLength.or(() -> defaults.truncation().map(Truncation::maxLength)).orElseThrow(
                    () -> new UsageException("tokenize: --truncation needs --max-length"));
            options = options.with(new Truncation(strategy, length, 0, Direction.RIGHT));
        }
        if (arguments.has("--padding")) {
            String padding = arguments.value("--padding").get();
            Padding template = options.padding().orElseGet(tokenizer::defaultPadding);
            if (padding.equals("longest")) {
                options = options.with(template.withStrategy(PaddingStrategy.LONGEST, 0));
            } else if (padding.equals("max_length")) {
                int length = maxLength.orElseThrow(() -> new UsageException(
                        "tokenize: --padding max_length needs --max-length"));
                options = options.with(template.withStrategy(PaddingStrategy.FIXED, length));
            } else {
                throw new UsageException("tokenize: --padding expects longest or max_length, got '" + padding + "'");
            }
        }
        return options;
    }

    private static TruncationStrategy strategy(String name) throws UsageException {
        try {
            return TruncationStrategy.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("tokenize: --truncation expects longest_first, only_first or only_second, got '"
                    + name + "'");
        }
    }
}
