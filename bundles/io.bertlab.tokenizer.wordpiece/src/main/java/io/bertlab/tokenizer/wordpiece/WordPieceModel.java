package io.bertlab.tokenizer.wordpiece;

import io.bertlab.tokenizer.core.spi.TokenSink;
import io.bertlab.tokenizer.core.spi.VocabularyModel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * WordPiece: each word becomes the longest vocabulary prefix, then the longest continuation
 * ({@code ##}-prefixed) entries for the rest; a word that cannot be covered, or that is longer than
 * {@code max_input_chars_per_word}, becomes the unknown token. Matching walks two code point tries (word-initial and
 * continuation entries), so no substring or string is built while tokenizing.
 */
public final class WordPieceModel extends VocabularyModel {

    private final String unkToken;
    private final int unkId;
    private final String continuingSubwordPrefix;
    private final int maxInputCharsPerWord;
    private final CodePointTrie initial = new CodePointTrie();
    private final CodePointTrie continuation = new CodePointTrie();

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
        super(vocab);
        Integer unk = vocab.get(unkToken);
        if (unk == null) {
            throw new IllegalArgumentException("unk_token '" + unkToken + "' is not in the vocabulary");
        }
        this.unkToken = unkToken;
        this.unkId = unk;
        this.continuingSubwordPrefix = continuingSubwordPrefix;
        this.maxInputCharsPerWord = maxInputCharsPerWord;
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            int id = e.getValue();
            int[] cps = e.getKey().codePoints().toArray();
            // A token maps to the id HuggingFace's vocabulary map keeps: the entry's own id.
            initial.insert(cps, 0, cps.length, id);
            if (e.getKey().startsWith(continuingSubwordPrefix)) {
                int skip = continuingSubwordPrefix.codePointCount(0, continuingSubwordPrefix.length());
                continuation.insert(cps, skip, cps.length, id);
            }
        }
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
        // First pass only checks that the word can be covered, so that a bad word emits nothing but [UNK].
        if (!cover(cps, from, length, null)) {
            sink.token(unkId, 0, length);
            return;
        }
        cover(cps, from, length, sink);
    }

    private boolean cover(int[] cps, int from, int length, TokenSink sink) {
        int start = 0;
        while (start < length) {
            CodePointTrie trie = start == 0 ? initial : continuation;
            int node = CodePointTrie.root();
            int bestEnd = -1;
            int bestId = -1;
            for (int i = start; i < length; i++) {
                node = trie.child(node, cps[from + i]);
                if (node < 0) {
                    break;
                }
                int id = trie.value(node);
                if (id >= 0) {
                    bestEnd = i + 1;
                    bestId = id;
                }
            }
            if (bestEnd < 0) {
                return false;
            }
            if (sink != null) {
                sink.token(bestId, start, bestEnd);
            }
            start = bestEnd;
        }
        return true;
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
