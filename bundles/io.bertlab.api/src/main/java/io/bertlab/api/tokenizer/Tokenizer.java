package io.bertlab.api.tokenizer;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A loaded tokenizer: normalizer, pre-tokenizer, model, post-processor and decoder, with the truncation and padding
 * settings of its file as {@link #defaults()}. Thread-safe: one instance serves concurrent callers.
 *
 * <p>Register as a service with {@link TokenizerProperties#NAME}, {@link TokenizerProperties#MODEL} and
 * {@link TokenizerProperties#IMPLEMENTATION}.
 */
@ProviderType
public interface Tokenizer {

    /**
     * The settings stored with the tokenizer (truncation and padding of its {@code tokenizer.json}; special tokens on).
     *
     * @return the default options
     */
    EncodeOptions defaults();

    /**
     * The padding to use when a caller asks for padding without saying how: the file's padding settings, else
     * padding to the longest with the vocabulary's own pad token ({@code [PAD]} or {@code <pad>}), else
     * HuggingFace's defaults (id 0, {@code [PAD]}).
     *
     * @return padding settings, {@link PaddingStrategy#LONGEST} unless the file says otherwise
     */
    default Padding defaultPadding() {
        return defaults().padding().orElseGet(() -> {
            for (String token : new String[] {"[PAD]", "<pad>"}) {
                OptionalInt id = tokenToId(token);
                if (id.isPresent()) {
                    return Padding.longest().withPadToken(token, id.getAsInt());
                }
            }
            return Padding.longest();
        });
    }

    /**
     * Encodes one text with {@link #defaults()}.
     *
     * @param text the text
     * @return the encoding
     * @throws IllegalArgumentException when truncation cannot satisfy its settings
     */
    default Encoding encode(String text) {
        return encode(text, defaults());
    }

    /**
     * Encodes one text.
     *
     * @param text the text
     * @param options special tokens, truncation, padding
     * @return the encoding
     * @throws IllegalArgumentException when truncation cannot satisfy its settings
     */
    Encoding encode(String text, EncodeOptions options);

    /**
     * Encodes a pair of texts ({@code [CLS] A [SEP] B [SEP]} in BERT).
     *
     * @param first the first text
     * @param second the second text
     * @param options special tokens, truncation, padding
     * @return the encoding
     * @throws IllegalArgumentException when truncation cannot satisfy its settings
     */
    Encoding encodePair(String first, String second, EncodeOptions options);

    /**
     * Encodes several texts; {@link PaddingStrategy#LONGEST} pads to the longest of them.
     *
     * @param texts the texts
     * @param options special tokens, truncation, padding
     * @return one encoding per text, in order
     */
    List<Encoding> encodeBatch(List<String> texts, EncodeOptions options);

    /**
     * Encodes several pairs; {@link PaddingStrategy#LONGEST} pads to the longest of them.
     *
     * @param pairs the pairs, each a list of exactly two texts
     * @param options special tokens, truncation, padding
     * @return one encoding per pair, in order
     */
    List<Encoding> encodePairBatch(List<List<String>> pairs, EncodeOptions options);

    /**
     * Turns ids back into text through the decoder.
     *
     * @param ids vocabulary ids
     * @param skipSpecialTokens whether special tokens are left out
     * @return the text
     */
    String decode(int[] ids, boolean skipSpecialTokens);

    /**
     * The number of entries, added tokens included.
     *
     * @return the vocabulary size
     */
    int vocabularySize();

    /**
     * Looks up a token.
     *
     * @param token a token as the vocabulary spells it
     * @return its id, empty when unknown
     */
    OptionalInt tokenToId(String token);

    /**
     * Looks up an id.
     *
     * @param id a vocabulary id
     * @return its token, empty when out of range
     */
    Optional<String> idToToken(int id);

    /**
     * The whole vocabulary, added tokens included.
     *
     * @return token to id, unmodifiable
     */
    Map<String, Integer> vocabulary();
}
