package io.bertlab.tokenizer.wordpiece;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Splits words with LinMaxMatch ({@link WordPieceAutomaton}), but builds the automaton only once the text has
 * proved long enough to repay it. Building it for BERT's 30,522 entries took about 0.1 s on a cold JVM, more than
 * a one-line {@code tokenize} spends on everything after loading; until then words are split by plain look-ups
 * ({@link GreedyMatch}), which give the same pieces. The look-ups allowed before the switch are a multiple of the
 * vocabulary's characters, about the work of one build.
 */
final class WordSplitter {

    /** Look-ups per vocabulary character allowed before the automaton is built. */
    static final int LOOKUPS_PER_VOCABULARY_CHARACTER = 1;

    private final Map<String, Integer> vocab;
    private final String continuingSubwordPrefix;
    private final GreedyMatch greedy;
    private final AtomicLong lookupsLeft;
    private volatile WordPieceAutomaton automaton;

    /**
     * @param vocab token to id
     * @param continuingSubwordPrefix the prefix of continuation entries, e.g. {@code ##}
     * @param greedyLookups look-ups to spend before building the automaton; 0 builds it now
     */
    WordSplitter(Map<String, Integer> vocab, String continuingSubwordPrefix, long greedyLookups) {
        this.vocab = vocab;
        this.continuingSubwordPrefix = continuingSubwordPrefix;
        this.lookupsLeft = new AtomicLong(greedyLookups);
        this.greedy = greedyLookups > 0 ? new GreedyMatch(vocab, continuingSubwordPrefix) : null;
        if (greedyLookups <= 0) {
            automaton();
        }
    }

    /** The look-ups worth one automaton build for this vocabulary. */
    static long buildCost(Map<String, Integer> vocab) {
        long characters = 0;
        for (String token : vocab.keySet()) {
            characters += token.length();
        }
        return characters * LOOKUPS_PER_VOCABULARY_CHARACTER;
    }

    /**
     * Splits one word; see {@link WordPieceAutomaton#split}, whose results this returns (the upper half, transitions
     * or look-ups, depends on which split it).
     */
    long split(int[] codePoints, int from, int length, long[] pieces) {
        WordPieceAutomaton built = automaton;
        if (built == null) {
            long budget = lookupsLeft.get();
            long split = budget > 0 ? greedy.split(codePoints, from, length, pieces, budget) : GreedyMatch.OVER_BUDGET;
            if (split != GreedyMatch.OVER_BUDGET) {
                lookupsLeft.addAndGet(-GreedyMatch.lookups(split));
                return WordPieceAutomaton.pieceCount(split) < 0 ? WordPieceAutomaton.NO_SPLIT : split;
            }
            built = automaton();
        }
        return built.split(codePoints, from, length, pieces);
    }

    /** Whether words are split by the automaton by now. */
    boolean automatonBuilt() {
        return automaton != null;
    }

    private synchronized WordPieceAutomaton automaton() {
        if (automaton == null) {
            automaton = WordPieceAutomatonBuilder.build(vocab, continuingSubwordPrefix);
        }
        return automaton;
    }
}
