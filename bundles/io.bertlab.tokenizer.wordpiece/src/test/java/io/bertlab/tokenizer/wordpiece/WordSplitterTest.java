package io.bertlab.tokenizer.wordpiece;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.testing.SharedData;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a model builds its automaton: not for a few words, once the look-ups have cost about one build. */
class WordSplitterTest {

    private static final Map<String, Integer> BERT_VOCAB =
            Splits.readVocab(SharedData.require("tokenizers/bert-base-uncased/vocab.txt"));

    @Test
    void aShortTextIsSplitByLookUps() {
        WordPieceModel model = new WordPieceModel(BERT_VOCAB, "[UNK]", "##", 100);
        for (String word : "quero um cartao adicional unaffable".split(" ")) {
            Splits.of(model, word);
        }
        assertFalse(model.splitsByAutomaton());
    }

    @Test
    void theAutomatonIsBuiltOnceTheLookUpsCostAsMuch() {
        long budget = WordSplitter.buildCost(BERT_VOCAB);
        // BERT's vocabulary has 30,522 entries of a few characters each: the budget is a few hundred thousand
        assertTrue(budget > 100_000 && budget < 1_000_000, () -> budget + " look-ups");
        WordSplitter splitter = new WordSplitter(BERT_VOCAB, "##", budget);
        int[] word = "unaffable".codePoints().toArray();
        long[] pieces = new long[word.length];
        long spent = 0;
        while (true) {
            long split = splitter.split(word, 0, word.length, pieces);
            if (splitter.automatonBuilt()) {
                break;
            }
            spent += GreedyMatch.lookups(split);
            long sum = spent;
            assertTrue(sum <= budget, () -> "still splitting by look-ups after " + sum);
        }
        // the word that found too few look-ups left went to the automaton
        long total = spent;
        assertTrue(total > budget - word.length * word.length, () -> total + " of " + budget);
        long split = splitter.split(word, 0, word.length, pieces);
        assertEquals(3, WordPieceAutomaton.pieceCount(split)); // un ##aff ##able
    }

    @Test
    void aWordBeyondTheBudgetGoesToTheAutomatonWhole() {
        // "a" and "##a" only, and a word of 1000 letters: the budget of 10 look-ups runs out inside it
        Map<String, Integer> vocab = Map.of("[UNK]", 0, "a", 1, "##a", 2);
        WordSplitter splitter = new WordSplitter(vocab, "##", 10);
        int[] word = "a".repeat(1000).codePoints().toArray();
        long[] pieces = new long[word.length];
        long split = splitter.split(word, 0, word.length, pieces);
        assertTrue(splitter.automatonBuilt());
        assertEquals(1000, WordPieceAutomaton.pieceCount(split));
        assertEquals(1000, Pieces.codePoints(pieces[999]));
    }
}
