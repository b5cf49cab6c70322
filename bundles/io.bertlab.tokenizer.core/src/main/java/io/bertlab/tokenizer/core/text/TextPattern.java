package io.bertlab.tokenizer.core.text;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code pattern} of Split, Replace normalizers and Replace decoders: a literal string or a regular expression.
 * Matches are reported as code point ranges.
 */
public final class TextPattern {

    private final String literal;
    private final Pattern regex;
    private final int[] literalCodePoints;

    private TextPattern(String literal, Pattern regex) {
        this.literal = literal;
        this.regex = regex;
        this.literalCodePoints = literal == null ? null : literal.codePoints().toArray();
    }

    /**
     * A literal pattern.
     *
     * @param text the string to find
     * @return the pattern
     */
    public static TextPattern literal(String text) {
        return new TextPattern(text, null);
    }

    /**
     * A regular expression; Unicode character classes as in HuggingFace's Oniguruma ({@code \s}, {@code \w} are
     * Unicode-aware).
     *
     * @param regex the expression
     * @return the pattern
     * @throws java.util.regex.PatternSyntaxException when it does not compile
     */
    public static TextPattern regex(String regex) {
        return new TextPattern(null, Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS));
    }

    /** Receives match ranges. */
    @FunctionalInterface
    public interface MatchSink {
        /**
         * One match.
         *
         * @param start start code point index
         * @param end end code point index, exclusive
         */
        void match(int start, int end);
    }

    /**
     * Finds non-overlapping matches from left to right; empty matches are ignored.
     *
     * @param codePoints the text
     * @param from start index in the array
     * @param length number of code points
     * @param sink receives ranges relative to {@code from}
     */
    public void find(int[] codePoints, int from, int length, MatchSink sink) {
        if (literal != null) {
            findLiteral(codePoints, from, length, sink);
            return;
        }
        String text = new String(codePoints, from, length);
        Matcher matcher = regex.matcher(text);
        int charIndex = 0;
        int cpIndex = 0;
        while (matcher.find()) {
            if (matcher.start() == matcher.end()) {
                continue;
            }
            cpIndex += text.codePointCount(charIndex, matcher.start());
            int start = cpIndex;
            cpIndex += text.codePointCount(matcher.start(), matcher.end());
            charIndex = matcher.end();
            sink.match(start, cpIndex);
        }
    }

    private void findLiteral(int[] codePoints, int from, int length, MatchSink sink) {
        int m = literalCodePoints.length;
        if (m == 0) {
            return;
        }
        int i = 0;
        while (i + m <= length) {
            boolean equal = true;
            for (int k = 0; k < m; k++) {
                if (codePoints[from + i + k] != literalCodePoints[k]) {
                    equal = false;
                    break;
                }
            }
            if (equal) {
                sink.match(i, i + m);
                i += m;
            } else {
                i++;
            }
        }
    }

    /**
     * Replaces every match in a string.
     *
     * @param text the string
     * @param replacement the replacement, taken literally
     * @return the new string
     */
    public String replaceAll(String text, String replacement) {
        if (literal != null) {
            return literal.isEmpty() ? text : text.replace(literal, replacement);
        }
        return regex.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }

    /**
     * This pattern as {@code tokenizer.json} writes it: {@code {"String": ...}} or {@code {"Regex": ...}}.
     *
     * @return an ordered map
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        if (literal != null) {
            json.put("String", literal);
        } else {
            json.put("Regex", regex.pattern());
        }
        return json;
    }
}
