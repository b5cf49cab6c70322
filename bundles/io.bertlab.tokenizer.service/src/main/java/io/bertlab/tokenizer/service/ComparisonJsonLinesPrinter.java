package io.bertlab.tokenizer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One JSON object per input: {@code text}, {@code words} and, under {@code tokenizers}, an object per tokenizer
 * label (in the order given) with {@code tokens}, {@code ids}, {@code count}, {@code special_tokens},
 * {@code unknown}, {@code tokens_per_word}, {@code decoded} and {@code round_trip}.
 */
final class ComparisonJsonLinesPrinter implements ComparisonPrinter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void print(ComparedText text, PrintStream out) {
        Map<String, Object> tokenizers = new LinkedHashMap<>();
        for (Tokenization tokenization : text.tokenizations()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("tokens", tokenization.tokens());
            json.put("ids", tokenization.ids());
            json.put("count", tokenization.length());
            json.put("special_tokens", tokenization.specialTokens());
            json.put("unknown", tokenization.unknown());
            OptionalDouble perWord = TokensPerWord.of(tokenization.textTokens(), text.words());
            json.put("tokens_per_word", perWord.isPresent() ? perWord.getAsDouble() : null);
            json.put("decoded", tokenization.decoded());
            json.put("round_trip", tokenization.roundTrip().key());
            tokenizers.put(tokenization.label(), json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("text", text.text());
        json.put("words", text.words());
        json.put("tokenizers", tokenizers);
        try {
            out.println(MAPPER.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
