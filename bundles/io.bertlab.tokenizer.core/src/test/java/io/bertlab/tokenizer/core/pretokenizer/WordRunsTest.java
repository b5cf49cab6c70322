package io.bertlab.tokenizer.core.pretokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bertlab.testing.SharedCorpus;
import io.bertlab.tokenizer.core.text.TextPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Whitespace pre-tokenizer's scanner finds exactly what the regex {@code \w+|[^\w\s]+} finds. */
class WordRunsTest {

    private static final Pattern WORD = Pattern.compile("\\w", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPACE = Pattern.compile("\\s", Pattern.UNICODE_CHARACTER_CLASS);

    @Test
    void everyCodePointIsClassifiedAsTheRegexClassifiesIt() {
        int checked = 0;
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (Character.isSurrogate((char) c) && c <= Character.MAX_VALUE) {
                continue; // a lone surrogate is not a code point the regex sees alone
            }
            String s = new String(Character.toChars(c));
            assertEquals(WORD.matcher(s).matches(), WordRuns.isWordCharacter(c), () -> "\\w of U+" + hex(s));
            assertEquals(SPACE.matcher(s).matches(), WordRuns.isSpace(c), () -> "\\s of U+" + hex(s));
            checked++;
        }
        assertEquals(Character.MAX_CODE_POINT + 1 - 2048, checked);
    }

    @Test
    void runsEqualTheRegexMatchesOnEveryLineOfTheSharedCorpus() {
        TextPattern regex = TextPattern.regex("\\w+|[^\\w\\s]+");
        int lines = 0;
        for (String line : SharedCorpus.texts()) {
            int[] codePoints = line.codePoints().toArray();
            List<Integer> expected = new ArrayList<>();
            regex.find(codePoints, 0, codePoints.length, (start, end) -> {
                expected.add(start);
                expected.add(end);
            });
            List<Integer> actual = new ArrayList<>();
            WordRuns.find(codePoints, 0, codePoints.length, (start, end) -> {
                actual.add(start);
                actual.add(end);
            });
            assertEquals(expected, actual, line);
            lines++;
        }
        assertEquals(SharedCorpus.texts().size(), lines);
    }

    private static String hex(String s) {
        return Integer.toHexString(s.codePointAt(0)).toUpperCase();
    }
}
