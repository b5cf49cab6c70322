package io.bertlab.tokenizer.wordpiece;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Linear time, shown by counting the automaton's transitions (goto and failure) rather than by timing: on words
 * built to make longest-match-first re-read the input, a word of n code points takes at most 2n transitions,
 * while the plain reference's look-ups grow with n².
 */
class LinMaxMatchLinearTimeTest {

    private static final String PREFIX = "##";
    private static final int[] LENGTHS = {1, 10, 100, 1_000, 10_000, 100_000};
    /** Longest word also split by the quadratic reference. */
    private static final int REFERENCE_LENGTH = 400;

    /** Long entries share the word's prefix, so every piece start reads far ahead before falling back to "a". */
    @Test
    void runOfOneLetterUnderLongDecoys() {
        String decoy = "a".repeat(64);
        assertLinear(vocab("a", "##a", decoy + "c", PREFIX + decoy + "c"), n -> "a".repeat(n));
    }

    @Test
    void runEndingInAnotherLetter() {
        String decoy = "a".repeat(64);
        assertLinear(vocab("a", "b", "##a", "##b", decoy + "c", PREFIX + decoy + "c", PREFIX + decoy + "b"),
                n -> "a".repeat(Math.max(0, n - 1)) + "b");
    }

    /** Failure links that pop several pieces at once: "ab" is whole, "##b" then "##ab..." half-matches. */
    @Test
    void alternatingLettersWithNestedEntries() {
        assertLinear(vocab("a", "ab", "##a", "##b", "##ab", "##aba", "##ababx", "abababx"),
                n -> "ab".repeat(n / 2) + "a".repeat(n % 2));
    }

    /** Random words over {a, b} with half of all longer strings in the vocabulary, as both kinds of entries. */
    @Test
    void randomBinaryWordsOverADenseVocabulary() {
        Random random = new Random(42);
        Map<String, Integer> vocab = vocab("a", "b", "##a", "##b");
        for (int length = 2; length <= 10; length++) {
            for (int bits = 0; bits < 1 << length; bits++) {
                String s = Integer.toBinaryString(bits | 1 << length).substring(1).replace('0', 'a').replace('1', 'b');
                if (random.nextBoolean()) {
                    vocab.putIfAbsent(s, vocab.size());
                }
                if (random.nextBoolean()) {
                    vocab.putIfAbsent(PREFIX + s, vocab.size());
                }
            }
        }
        assertLinear(vocab, n -> {
            StringBuilder word = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                word.append(random.nextBoolean() ? 'a' : 'b');
            }
            return word.toString();
        });
    }

    /** The first family is hard for the plain algorithm: its look-ups grow with the square of the length. */
    @Test
    void theReferenceIsQuadraticOnTheseWords() {
        String decoy = "a".repeat(64);
        Map<String, Integer> vocab = vocab("a", "##a", decoy + "c", PREFIX + decoy + "c");
        GreedyReference reference = new GreedyReference(vocab, "[UNK]", PREFIX, Integer.MAX_VALUE);
        reference.split("a".repeat(REFERENCE_LENGTH));
        assertTrue(reference.lookups() >= (long) REFERENCE_LENGTH * REFERENCE_LENGTH / 4,
                () -> reference.lookups() + " look-ups");
    }

    private static void assertLinear(Map<String, Integer> vocab, IntFunction<String> words) {
        WordPieceAutomaton automaton = WordPieceAutomatonBuilder.build(vocab, PREFIX);
        WordPieceModel model = new WordPieceModel(vocab, "[UNK]", PREFIX, Integer.MAX_VALUE, 0);
        GreedyReference reference = new GreedyReference(vocab, "[UNK]", PREFIX, Integer.MAX_VALUE);
        for (int n : LENGTHS) {
            String word = words.apply(n);
            int[] cps = word.codePoints().toArray();
            long split = automaton.split(cps, 0, cps.length, new long[cps.length]);
            assertNotEquals(WordPieceAutomaton.NO_SPLIT, split, () -> "length " + n + " must be covered");
            int transitions = WordPieceAutomaton.transitions(split);
            assertTrue(transitions <= 2 * cps.length, () -> transitions + " transitions for length " + cps.length);
            if (n <= REFERENCE_LENGTH) {
                List<GreedyReference.Piece> expected = reference.split(word);
                assertEquals(expected, Splits.of(model, word), () -> "length " + n);
            }
        }
    }

    /** {@code [UNK]} and the given entries, ids in order. */
    private static Map<String, Integer> vocab(String... tokens) {
        Map<String, Integer> vocab = new LinkedHashMap<>();
        vocab.put("[UNK]", 0);
        for (String token : tokens) {
            vocab.put(token, vocab.size());
        }
        return vocab;
    }
}
