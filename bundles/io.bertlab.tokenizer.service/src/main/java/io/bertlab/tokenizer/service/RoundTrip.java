package io.bertlab.tokenizer.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * How the decoded ids of a text compare with the text: a tokenizer that lower-cases or strips accents cannot give
 * the text back, and which of the two it lost tells a user more than a bare "no".
 */
enum RoundTrip {

    /** The decoded text is the text. */
    EXACT("exact", "decodes back exactly"),
    /** Only white space differs (e.g. {@code "( a )"} for {@code "(a)"}). */
    SPACING_DIFFERS("spacing_differs", "spacing differs"),
    /** Equal once both are lower-cased. */
    CASE_LOST("case_lost", "case lost"),
    /** Equal once accents are stripped from both. */
    ACCENTS_LOST("accents_lost", "accents lost"),
    /** Equal once both are lower-cased and stripped of accents, as uncased BERT normalizes. */
    CASE_AND_ACCENTS_LOST("case_and_accents_lost", "case and accents lost"),
    /** Something else was lost: unknown tokens, dropped characters. */
    DIFFERS("differs", "differs");

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{Mn}+");

    private final String key;
    private final String description;

    RoundTrip(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The value in JSON output. */
    String key() {
        return key;
    }

    /** The words in the table. */
    String description() {
        return description;
    }

    static RoundTrip of(String text, String decoded) {
        if (text.equals(decoded)) {
            return EXACT;
        }
        // decoders join sub-words with their own spacing rules, so white space is compared last of all
        UnaryOperator<String> lowerCase = s -> s.toLowerCase(Locale.ROOT);
        UnaryOperator<String> stripAccents = s -> COMBINING_MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD))
                .replaceAll("");
        if (sameAfter(text, decoded, UnaryOperator.identity())) {
            return SPACING_DIFFERS;
        }
        if (sameAfter(text, decoded, lowerCase)) {
            return CASE_LOST;
        }
        if (sameAfter(text, decoded, stripAccents)) {
            return ACCENTS_LOST;
        }
        if (sameAfter(text, decoded, s -> stripAccents.apply(lowerCase.apply(s)))) {
            return CASE_AND_ACCENTS_LOST;
        }
        return DIFFERS;
    }

    private static boolean sameAfter(String text, String decoded, UnaryOperator<String> normalization) {
        return withoutWhiteSpace(normalization.apply(text)).equals(withoutWhiteSpace(normalization.apply(decoded)));
    }

    private static String withoutWhiteSpace(String s) {
        return WHITE_SPACE.matcher(s).replaceAll("");
    }
}
