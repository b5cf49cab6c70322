package io.bertlab.tokenizer.core.normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bertlab.tokenizer.core.text.Alignments;
import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.TextPattern;
import java.text.Normalizer.Form;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alignments of NFD/NFKD and Replace as HuggingFace's change lists give them (its {@code nfkd()} through
 * {@code unicode-normalization-alignments}, its {@code replace()} through {@code transform_range}), and the Unicode
 * versions of its tables where Java 17's differs.
 */
class HuggingFaceAlignmentTest {

    private static List<String> apply(Normalizer normalizer, String text) {
        return Alignments.of(normalizer.normalize(NormalizedText.of(text)));
    }

    /** LAO HO MA decomposes into two letters, both aligned with it; the tone mark after keeps its own span. */
    @Test
    void insertedDecompositionCharactersAlignWithTheirSource() {
        assertEquals(List.of("ຫ(0,1)", "ມ(0,1)", "\u0EC8(1,2)"), apply(new UnicodeNormalizer(Form.NFKD), "ໝ\u0EC8"));
        assertEquals(List.of("e(0,1)", "\u0301(0,1)", "x(1,2)"), apply(new UnicodeNormalizer(Form.NFD), "éx"));
    }

    /** Canonical reordering moves the marks; the spans stay with the positions, as HuggingFace's transform does. */
    @Test
    void reorderedMarksAlignByPosition() {
        assertEquals(List.of("a(0,1)", "\u0323(1,2)", "\u0301(2,3)"),
                apply(new UnicodeNormalizer(Form.NFD), "a\u0301\u0323"));
    }

    /** U+1DF9 (Unicode 10, combining class 220) is a starter to HuggingFace's Unicode 9 tables: nothing moves. */
    @Test
    void marksNewerThanHuggingFacesTablesAreNotReordered() {
        assertEquals(List.of("a(0,1)", "\u0301(1,2)", "\u1DF9(2,3)"),
                apply(new UnicodeNormalizer(Form.NFD), "a\u0301\u1DF9"));
        assertEquals(List.of("a(0,1)", "\u0316(1,2)", "\u0301(2,3)"),
                apply(new UnicodeNormalizer(Form.NFD), "a\u0301\u0316"));
    }

    /** Marks as of Unicode 9: U+0EBA (Unicode 12) stays, U+1CF2 (a mark in 9.0, a letter since) goes. */
    @Test
    void stripAccentsRemovesTheMarksOfUnicode9() {
        assertEquals(List.of("a(0,1)", "\u0EBA(1,2)"), apply(new StripAccents(), "a\u0EBA"));
        assertEquals(List.of("a(0,1)"), apply(new StripAccents(), "a\u1CF2\u0301"));
    }

    /** Rust's lower case is of Unicode 16: Glagolitic U+2C2F (Unicode 14) has a lower-case form there. */
    @Test
    void lowercaseKnowsNewerCasePairs() {
        assertEquals(List.of("\u2C5F(0,1)", "ß(1,2)"), apply(new Lowercase(), "\u2C2Fß"));
    }

    @Test
    void replacementAlignsWithTheLastCharacterOfTheMatch() {
        assertEquals(List.of("\"(1,2)", "x(2,3)"), apply(new Replace(TextPattern.literal("``"), "\""), "``x"));
        assertEquals(List.of("a(0,1)", "x(0,1)"), apply(new Replace(TextPattern.literal("a"), "ax"), "a"));
    }
}
