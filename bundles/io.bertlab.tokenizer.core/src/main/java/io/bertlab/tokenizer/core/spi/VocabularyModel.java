package io.bertlab.tokenizer.core.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A model whose vocabulary is a token-to-id map (WordPiece, BPE): the look-ups every such model answers the same
 * way. When two tokens share an id, {@link #idToToken} gives the first in the map's order, as HF does.
 */
public abstract class VocabularyModel implements TokenizerModel {

    private final Map<String, Integer> vocab;
    private final String[] tokensById;

    /**
     * Copies the vocabulary and indexes it by id.
     *
     * @param vocab token to id, ids non-negative
     */
    protected VocabularyModel(Map<String, Integer> vocab) {
        this.vocab = Collections.unmodifiableMap(new LinkedHashMap<>(vocab));
        int maxId = vocab.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        this.tokensById = new String[maxId + 1];
        vocab.forEach((token, id) -> {
            if (tokensById[id] == null) {
                tokensById[id] = token;
            }
        });
    }

    @Override
    public final int vocabularySize() {
        return vocab.size();
    }

    @Override
    public final OptionalInt tokenToId(String token) {
        Integer id = vocab.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    @Override
    public final String idToToken(int id) {
        return id >= 0 && id < tokensById.length ? tokensById[id] : null;
    }

    @Override
    public final Map<String, Integer> vocabulary() {
        return vocab;
    }
}
