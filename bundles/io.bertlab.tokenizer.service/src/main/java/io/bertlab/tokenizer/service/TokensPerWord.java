package io.bertlab.tokenizer.service;

import java.util.Locale;
import java.util.OptionalDouble;

/** Tokens per word, the measure of how finely a vocabulary cuts a language: 1.0 keeps every word whole. */
final class TokensPerWord {

    private TokensPerWord() {
    }

    static OptionalDouble of(int textTokens, int words) {
        return words == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) textTokens / words);
    }

    /** Two decimals, or {@code -} for a text without words. */
    static String format(int textTokens, int words) {
        OptionalDouble ratio = of(textTokens, words);
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()) : "-";
    }
}
