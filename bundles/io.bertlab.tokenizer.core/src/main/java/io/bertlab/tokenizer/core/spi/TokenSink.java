package io.bertlab.tokenizer.core.spi;

import org.osgi.annotation.versioning.ProviderType;

/** Receives the tokens a {@link TokenizerModel} produces for one word. */
@ProviderType
@FunctionalInterface
public interface TokenSink {

    /**
     * One token.
     *
     * @param id its vocabulary id
     * @param start start of the token in the word, in code points
     * @param end end (exclusive) of the token in the word, in code points
     */
    void token(int id, int start, int end);
}
