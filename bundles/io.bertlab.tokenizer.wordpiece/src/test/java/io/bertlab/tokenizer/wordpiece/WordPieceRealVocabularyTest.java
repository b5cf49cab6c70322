package io.bertlab.tokenizer.wordpiece;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.wordpiece.GreedyReference.Piece;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The automaton against the plain greedy reference on real BERT vocabularies: every entry as a word, the words of
 * the real texts in {@code ../shared/data/text}, and random words glued from entries with stray code points. Three
 * models split them: one with the automaton from the first word, one by look-ups only (as every model splits its
 * first words), and one as built by default, which switches from the second to the first along the way.
 */
class WordPieceRealVocabularyTest {

    private static final String PREFIX = "##";
    private static final int MAX_CHARS = 100;
    private static final int RANDOM_WORDS = 30_000;
    private static final int WORDS_PER_FILE = 5_000;
    private static final int MAX_CLAUSE = 30;
    private static final int MAX_MISMATCHES_SHOWN = 10;

    @ParameterizedTest
    @ValueSource(strings = {"bert-base-uncased", "bert-base-multilingual-cased", "bert-base-chinese"})
    void sameSplitsAsTheReference(String tokenizer) {
        Map<String, Integer> vocab = Splits.readVocab(SharedData.require("tokenizers/" + tokenizer + "/vocab.txt"));
        Map<String, WordPieceModel> models = Map.of("automaton", new WordPieceModel(vocab, "[UNK]", PREFIX, MAX_CHARS, 0),
                "look-ups", new WordPieceModel(vocab, "[UNK]", PREFIX, MAX_CHARS, Long.MAX_VALUE),
                "default", new WordPieceModel(vocab, "[UNK]", PREFIX, MAX_CHARS));
        GreedyReference reference = new GreedyReference(vocab, "[UNK]", PREFIX, MAX_CHARS);

        Set<String> words = new LinkedHashSet<>();
        for (String token : vocab.keySet()) {
            words.add(token);
            words.add(stripPrefix(token));
        }
        words.addAll(textWords());
        words.addAll(randomWords(new ArrayList<>(vocab.keySet()), new Random(tokenizer.hashCode())));
        words.remove("");

        List<String> shown = new ArrayList<>();
        int mismatches = 0;
        int unknown = 0;
        for (String word : words) {
            List<Piece> expected = reference.split(word);
            for (Map.Entry<String, WordPieceModel> model : models.entrySet()) {
                List<Piece> actual = Splits.of(model.getValue(), word);
                if (!expected.equals(actual) && mismatches++ < MAX_MISMATCHES_SHOWN) {
                    shown.add(model.getKey() + ": " + word + ": expected " + expected + ", got " + actual);
                }
            }
            unknown += expected.size() == 1 && expected.get(0).id() == vocab.get("[UNK]") ? 1 : 0;
        }
        assertEquals(0, mismatches, mismatches + " splits of " + words.size() + " words differ, e.g. " + shown);
        assertTrue(models.get("default").splitsByAutomaton(), "the default model switched to the automaton");
        assertFalse(models.get("look-ups").splitsByAutomaton());
        // The words must exercise both outcomes, or the comparison proves little.
        int covered = words.size() - unknown;
        assertTrue(unknown > 1_000 && covered > 10_000, unknown + " unknown, " + covered + " covered");
    }

    private static String stripPrefix(String token) {
        return token.startsWith(PREFIX) ? token.substring(PREFIX.length()) : token;
    }

    /**
     * Whitespace-separated words of every text, as they are, lowercased, and split at punctuation: the first
     * {@link #WORDS_PER_FILE} of each file. Words of text without spaces (Japanese, Chinese) are whole clauses, which
     * the quadratic reference splits slowly: at most {@link #MAX_CLAUSE} code points of each.
     */
    private static Set<String> textWords() {
        Set<String> words = new LinkedHashSet<>();
        for (Path file : textFiles()) {
            Set<String> fileWords = new LinkedHashSet<>();
            for (String line : lines(file)) {
                for (String word : line.split("\\s+")) {
                    fileWords.add(clip(word));
                    fileWords.add(clip(word.toLowerCase(Locale.ROOT)));
                    for (String part : word.split("\\p{Punct}+")) {
                        fileWords.add(clip(part));
                    }
                }
                if (fileWords.size() >= WORDS_PER_FILE) {
                    break;
                }
            }
            words.addAll(fileWords);
        }
        return words;
    }

    private static String clip(String word) {
        return word.codePointCount(0, word.length()) <= MAX_CLAUSE ? word
                : word.substring(0, word.offsetByCodePoints(0, MAX_CLAUSE));
    }

    /**
     * Entries glued into words (continuation entries without their prefix), some with a code point replaced by one
     * from elsewhere in the vocabulary, so that both covered and uncovered words occur, and some longer than the limit.
     */
    private static List<String> randomWords(List<String> tokens, Random random) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < RANDOM_WORDS; i++) {
            StringBuilder word = new StringBuilder();
            int pieces = 1 + random.nextInt(i % 50 == 0 ? 40 : 5);
            for (int p = 0; p < pieces; p++) {
                word.append(stripPrefix(tokens.get(random.nextInt(tokens.size()))));
            }
            int[] cps = word.codePoints().toArray();
            if (cps.length > 0 && random.nextInt(3) == 0) {
                // The first code point of a random entry: a character the vocabulary knows, in a place it may not.
                cps[random.nextInt(cps.length)] = tokens.get(random.nextInt(tokens.size())).codePointAt(0);
            }
            words.add(new String(cps, 0, cps.length));
        }
        return words;
    }

    private static List<Path> textFiles() {
        try (Stream<Path> walk = Files.walk(SharedData.require("text"))) {
            return walk.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
