package io.bertlab.tokenizer.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** HuggingFace's {@code NormalizedString::transform} bookkeeping, on hand-made change lists. */
class TextTransformTest {

    @Test
    void replacementsTakeTheSpanOfWhatTheyReplaceAndInsertionsThatOfTheCharacterBefore() {
        TextTransform t = new TextTransform(4);
        t.add('X', 0);
        t.add('Y', 1);
        t.add('c', 0);
        assertEquals(List.of("X(0,1)", "Y(0,1)", "c(1,2)"), Alignments.of(t.applyTo(NormalizedText.of("ab"))));
    }

    @Test
    void aNegativeChangeRemovesTheFollowingCharacters() {
        TextTransform t = new TextTransform(4);
        t.add('X', -2);
        t.add('d', 0);
        assertEquals(List.of("X(0,1)", "d(3,4)"), Alignments.of(t.applyTo(NormalizedText.of("abcd"))));
    }

    @Test
    void anInsertionAtTheVeryStartHasAnEmptySpan() {
        TextTransform t = new TextTransform(4);
        t.add('_', 1);
        t.add('a', 0);
        assertEquals(List.of("_(0,0)", "a(0,1)"), Alignments.of(t.applyTo(NormalizedText.of("a"))));
    }

    /** A removal no change accounts for: later characters take the spans of the ones before them, as in HF. */
    @Test
    void unaccountedRemovalShiftsTheAlignments() {
        TextTransform t = new TextTransform(4);
        t.add('a', 0);
        t.add('b', 0);
        assertEquals(List.of("a(0,1)", "b(1,2)"), Alignments.of(t.applyTo(NormalizedText.of("xab"))));
    }
}
