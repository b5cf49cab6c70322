package io.bertlab.tokenizer.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One input of {@code compare-tokenizers} through every tokenizer, in the order they were given.
 *
 * @param text the text
 * @param words its white-space separated words: the common measure that tokens per word divide by, since each
 *     tokenizer's own pre-tokenizer splits words differently
 * @param tokenizations one per tokenizer
 */
record ComparedText(String text, int words, List<Tokenization> tokenizations) {

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    static ComparedText of(String text, List<ComparedTokenizer> tokenizers) {
        List<Tokenization> tokenizations = new ArrayList<>(tokenizers.size());
        for (ComparedTokenizer tokenizer : tokenizers) {
            tokenizations.add(tokenizer.tokenize(text));
        }
        String stripped = text.strip();
        int words = stripped.isEmpty() ? 0 : WHITE_SPACE.split(stripped).length;
        return new ComparedText(text, words, List.copyOf(tokenizations));
    }
}
