package io.bertlab.tokenizer.core.spi;

import org.osgi.annotation.versioning.ProviderType;

/** Receives the tokens a {@link TokenizerModel} produces for one word. */
@ProviderType
@FunctionalInterface
public interface TokenSink {

    /**
     * One token, named by its vocabulary entry.
     *
     * @param id its vocabulary id
     * @param start start of the token in the word, in code points
     * @param end end (exclusive) of the token in the word, in code points
     */
    void token(int id, int start, int end);

    /**
     * One token named by the word's own text in {@code [start, end)} rather than by the vocabulary entry of
     * {@code id}: HuggingFace's Unigram names an unknown piece so ({@code "|"} rather than {@code "<unk>"}). Sinks
     * that keep only ids may treat it as {@link #token}, which is what this default does.
     *
     * @param id its vocabulary id
     * @param start start of the token in the word, in code points
     * @param end end (exclusive) of the token in the word, in code points
     * @since 1.2
     */
    default void tokenWithWordText(int id, int start, int end) {
        token(id, start, end);
    }
}
