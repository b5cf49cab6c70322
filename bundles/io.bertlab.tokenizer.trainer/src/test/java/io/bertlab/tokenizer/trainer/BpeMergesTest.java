package io.bertlab.tokenizer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The merge learner against the expectations of HuggingFace's own trainer tests ({@code bpe/trainer.rs}). */
class BpeMergesTest {

    private static final int NO_LIMIT = 0;

    /** HuggingFace's {@code test_train}: min_frequency 2 leaves three merges: "re", "are", "is". */
    @Test
    void minimumFrequencyAsHuggingFaceTestExpects() {
        Map<String, Long> words = counts("roses", 1, "are", 2, "red", 1, "voilets", 1, "blue", 1, "BERT", 1, "is", 2,
                "big", 1, "and", 1, "so", 1, "GPT-2", 1);
        BpeVocabulary result = BpeMerges.train(words, config(30_000, 2, NO_LIMIT), (task, done, total) -> { });
        Map<String, Integer> expected = new LinkedHashMap<>();
        String[] tokens = {"-", "2", "B", "E", "G", "P", "R", "T", "a", "b", "d", "e", "g", "i", "l", "n", "o", "r",
            "s", "t", "u", "v", "re", "are", "is"};
        for (int id = 0; id < tokens.length; id++) {
            expected.put(tokens[id], id);
        }
        assertEquals(expected, result.vocabulary());
        assertEquals(List.of("r e", "a re", "i s"), merges(result));
    }

    /** HuggingFace's {@code bpe_test_max_token_length_direct_assert}: with max_token_length 2 no token is longer. */
    @Test
    void maximumTokenLengthAsHuggingFaceTestExpects() {
        Map<String, Long> words = counts("sin", 2, "Sin", 2, "Lon", 2, "Ano", 2, "짧은한", 2, "긴한글", 2, "短字符", 2,
                "长字符", 2, "短い文", 2, "長い文", 2, "so", 2, "GP", 2);
        BpeVocabulary result = BpeMerges.train(words, config(30_000, 0, 2), (task, done, total) -> { });
        Map<String, Integer> expected = Map.ofEntries(Map.entry("短", 12), Map.entry("n", 6), Map.entry("i", 5),
                Map.entry("s", 8), Map.entry("字符", 23), Map.entry("長", 14), Map.entry("긴", 17),
                Map.entry("い文", 22), Map.entry("L", 2), Map.entry("in", 21), Map.entry("o", 7), Map.entry("은한", 29),
                Map.entry("S", 4), Map.entry("P", 3), Map.entry("so", 27), Map.entry("符", 13), Map.entry("文", 11),
                Map.entry("字", 10), Map.entry("짧", 19), Map.entry("GP", 25), Map.entry("글", 16), Map.entry("G", 1),
                Map.entry("An", 24), Map.entry("长", 15), Map.entry("A", 0), Map.entry("Lo", 26), Map.entry("긴한", 28),
                Map.entry("い", 9), Map.entry("한", 20), Map.entry("은", 18));
        assertEquals(expected, result.vocabulary());
    }

    private static BpeConfig config(int vocabSize, long minFrequency, int maxTokenLength) {
        return new BpeConfig(vocabSize, minFrequency, List.of(), NO_LIMIT, Set.of(), null, null, maxTokenLength);
    }

    private static Map<String, Long> counts(Object... wordCountPairs) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < wordCountPairs.length; i += 2) {
            counts.put((String) wordCountPairs[i], ((Integer) wordCountPairs[i + 1]).longValue());
        }
        return counts;
    }

    private static List<String> merges(BpeVocabulary vocabulary) {
        return vocabulary.merges().stream().map(m -> m.left() + " " + m.right()).toList();
    }
}
