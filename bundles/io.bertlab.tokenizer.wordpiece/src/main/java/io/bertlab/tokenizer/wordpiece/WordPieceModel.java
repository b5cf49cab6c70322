package io.bertlab.tokenizer.wordpiece;

import io.bertlab.tokenizer.core.spi.TokenSink;
import io.bertlab.tokenizer.core.spi.VocabularyModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WordPiece: each word becomes the longest vocabulary prefix, then the longest continuation
 * ({@code ##}-prefixed) entries for the rest; a word that cannot be covered, or that is longer than
 * {@code max_input_chars_per_word}, becomes the unknown token. Matching runs LinMaxMatch (see
 * {@link WordPieceAutomaton}): time linear in the word's length, and no allocation per word or character; the
 * first words of a model's life are split by plain look-ups instead, until the text is long enough to repay
 * building the automaton (see {@link WordSplitter}).
 */
public final class WordPieceModel extends VocabularyModel {

    private static final int INITIAL_BUFFER = 64;

    private final String unkToken;
    private final int unkId;
    private final String continuingSubwordPrefix;
    private final int maxInputCharsPerWord;
    private final WordSplitter splitter;
    /**
     * Pieces wait here until the whole word is known to be covered (else the word is one unknown token); one buffer
     * per thread keeps the model shareable without allocating per word.
     */
    private final ThreadLocal<long[]> buffers = ThreadLocal.withInitial(() -> new long[INITIAL_BUFFER]);

    /**
     * A WordPiece model.
     *
     * @param vocab token to id
     * @param unkToken the unknown token, which must be in {@code vocab}
     * @param continuingSubwordPrefix prefix of non-initial pieces, usually {@code ##}
     * @param maxInputCharsPerWord longer words become the unknown token
     * @throws IllegalArgumentException when {@code unkToken} is not in {@code vocab}
     */
    public WordPieceModel(Map<String, Integer> vocab, String unkToken, String continuingSubwordPrefix,
            int maxInputCharsPerWord) {
        this(vocab, unkToken, continuingSubwordPrefix, maxInputCharsPerWord, WordSplitter.buildCost(vocab));
    }

    /** As above, splitting by look-ups until {@code greedyLookups} are spent (0: LinMaxMatch from the start). */
    WordPieceModel(Map<String, Integer> vocab, String unkToken, String continuingSubwordPrefix,
            int maxInputCharsPerWord, long greedyLookups) {
        super(vocab);
        Integer unk = vocab.get(unkToken);
        if (unk == null) {
            throw new IllegalArgumentException("unk_token '" + unkToken + "' is not in the vocabulary");
        }
        this.unkToken = unkToken;
        this.unkId = unk;
        this.continuingSubwordPrefix = continuingSubwordPrefix;
        this.maxInputCharsPerWord = maxInputCharsPerWord;
        this.splitter = new WordSplitter(vocabulary(), continuingSubwordPrefix, greedyLookups);
    }

    @Override
    public String type() {
        return "WordPiece";
    }

    @Override
    public void tokenize(int[] cps, int from, int length, TokenSink sink) {
        if (length > maxInputCharsPerWord) {
            sink.token(unkId, 0, length);
            return;
        }
        long[] pieces = buffer(length);
        long split = splitter.split(cps, from, length, pieces);
        if (split == WordPieceAutomaton.NO_SPLIT) {
            sink.token(unkId, 0, length);
            return;
        }
        Pieces.emit(pieces, WordPieceAutomaton.pieceCount(split), sink);
    }

    /** Whether words are split by the LinMaxMatch automaton by now (rather than by look-ups). */
    boolean splitsByAutomaton() {
        return splitter.automatonBuilt();
    }

    /** This thread's buffer, with room for a word's pieces (at most one per code point). */
    private long[] buffer(int length) {
        long[] buffer = buffers.get();
        if (buffer.length < length) {
            buffer = new long[Math.max(length, buffer.length * 2)];
            buffers.set(buffer);
        }
        return buffer;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "WordPiece");
        json.put("unk_token", unkToken);
        json.put("continuing_subword_prefix", continuingSubwordPrefix);
        json.put("max_input_chars_per_word", maxInputCharsPerWord);
        json.put("vocab", vocabulary());
        return json;
    }
}
