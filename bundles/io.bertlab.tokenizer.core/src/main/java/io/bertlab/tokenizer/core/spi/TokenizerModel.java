package io.bertlab.tokenizer.core.spi;

import java.util.Map;
import java.util.OptionalInt;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The model stage: turns one pre-tokenized word into vocabulary ids. Implementations are immutable and
 * thread-safe; they must not allocate per character.
 */
@ConsumerType
public interface TokenizerModel {

    /**
     * The model type as {@code tokenizer.json} names it, e.g. {@code WordPiece}.
     *
     * @return the type
     */
    String type();

    /**
     * Tokenizes one word.
     *
     * @param codePoints an array holding the word
     * @param from where the word starts in the array
     * @param length the number of code points of the word (at least 1)
     * @param sink receives the tokens in order; offsets are relative to {@code from}
     */
    void tokenize(int[] codePoints, int from, int length, TokenSink sink);

    /**
     * The number of ids of the model's own vocabulary.
     *
     * @return the size
     */
    int vocabularySize();

    /**
     * Looks up a token.
     *
     * @param token the token text
     * @return its id, empty when absent
     */
    OptionalInt tokenToId(String token);

    /**
     * Looks up an id.
     *
     * @param id an id
     * @return its token text, or null when absent
     */
    String idToToken(int id);

    /**
     * The vocabulary.
     *
     * @return token to id, unmodifiable
     */
    Map<String, Integer> vocabulary();

    /**
     * The model as the {@code model} object of {@code tokenizer.json}, {@code type} first, in HuggingFace's key
     * order.
     *
     * @return an ordered map of JSON values (maps, lists, strings, numbers, booleans, null)
     */
    Map<String, Object> toJson();
}
