package io.bertlab.tokenizer.core.pipeline;

import io.bertlab.tokenizer.core.normalizer.Normalizer;
import io.bertlab.tokenizer.core.spi.AddedToken;
import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The added tokens of a tokenizer and the two matchers HuggingFace uses: tokens with {@code normalized=false} are
 * found in the raw input, the others in normalized text (their content normalized the same way).
 */
public final class AddedVocabulary {

    private final List<AddedToken> tokens;
    private final Map<String, AddedToken> byContent = new HashMap<>();
    private final Map<Integer, AddedToken> byId = new HashMap<>();
    private final AddedTokenMatcher raw;
    private final AddedTokenMatcher normalized;

    /**
     * The added vocabulary.
     *
     * @param tokens the tokens in file order
     * @param normalizer the tokenizer's normalizer, or null
     */
    public AddedVocabulary(List<AddedToken> tokens, Normalizer normalizer) {
        this.tokens = List.copyOf(tokens);
        List<AddedToken> rawTokens = new ArrayList<>();
        List<int[]> rawPatterns = new ArrayList<>();
        List<AddedToken> normalizedTokens = new ArrayList<>();
        List<int[]> normalizedPatterns = new ArrayList<>();
        for (AddedToken token : tokens) {
            byContent.putIfAbsent(token.content(), token);
            byId.putIfAbsent(token.id(), token);
            if (token.normalized()) {
                NormalizedText content = NormalizedText.of(token.content());
                if (normalizer != null) {
                    content = normalizer.normalize(content);
                }
                normalizedTokens.add(token);
                normalizedPatterns.add(content.toString().codePoints().toArray());
            } else {
                rawTokens.add(token);
                rawPatterns.add(token.content().codePoints().toArray());
            }
        }
        raw = new AddedTokenMatcher(rawTokens, rawPatterns);
        normalized = new AddedTokenMatcher(normalizedTokens, normalizedPatterns);
    }

    /**
     * The tokens in file order.
     *
     * @return an unmodifiable list
     */
    public List<AddedToken> tokens() {
        return tokens;
    }

    /**
     * Looks up by content.
     *
     * @param content the token text
     * @return the token, or null
     */
    public AddedToken byContent(String content) {
        return byContent.get(content);
    }

    /**
     * Looks up by id.
     *
     * @param id the id
     * @return the token, or null
     */
    public AddedToken byId(int id) {
        return byId.get(id);
    }

    /**
     * Splits raw input at added tokens with {@code normalized=false}.
     *
     * @param text the input
     * @param sink receives the pieces
     */
    void splitRaw(NormalizedText text, AddedTokenMatcher.PieceSink sink) {
        raw.split(text, sink);
    }

    /**
     * Splits normalized text at added tokens with {@code normalized=true}.
     *
     * @param text normalized text
     * @param sink receives the pieces
     */
    void splitNormalized(NormalizedText text, AddedTokenMatcher.PieceSink sink) {
        normalized.split(text, sink);
    }
}
