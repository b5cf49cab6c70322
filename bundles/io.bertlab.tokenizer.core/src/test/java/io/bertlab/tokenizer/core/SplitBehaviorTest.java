package io.bertlab.tokenizer.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bertlab.tokenizer.core.pretokenizer.Split;
import io.bertlab.tokenizer.core.pretokenizer.SplitBehavior;
import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.TextPattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The delimiter behaviours on the example of HuggingFace's documentation ({@code SplitDelimiterBehavior}):
 * splitting {@code "the-final--countdown"} on {@code "-"}.
 */
class SplitBehaviorTest {

    private static List<String> split(SplitBehavior behavior) {
        List<NormalizedText> words = new ArrayList<>();
        new Split(TextPattern.literal("-"), behavior, false).split(NormalizedText.of("the-final--countdown"), words);
        return words.stream().map(NormalizedText::toString).toList();
    }

    @Test
    void behavioursAsDocumentedByHuggingFace() {
        assertEquals(List.of("the", "final", "countdown"), split(SplitBehavior.REMOVED));
        assertEquals(List.of("the", "-", "final", "-", "-", "countdown"), split(SplitBehavior.ISOLATED));
        assertEquals(List.of("the-", "final-", "-", "countdown"), split(SplitBehavior.MERGED_WITH_PREVIOUS));
        assertEquals(List.of("the", "-final", "-", "-countdown"), split(SplitBehavior.MERGED_WITH_NEXT));
        assertEquals(List.of("the", "-", "final", "--", "countdown"), split(SplitBehavior.CONTIGUOUS));
    }

    @Test
    void wordsKeepTheirOriginalSpans() {
        List<NormalizedText> words = new ArrayList<>();
        new Split(TextPattern.literal("-"), SplitBehavior.REMOVED, false).split(NormalizedText.of("ab-cd"), words);
        assertEquals(3, words.get(1).originalStart(0));
        assertEquals(5, words.get(1).originalEnd(1));
    }
}
