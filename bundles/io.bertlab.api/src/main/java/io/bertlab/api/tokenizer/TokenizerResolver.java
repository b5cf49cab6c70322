package io.bertlab.api.tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Finds the tokenizer a user names: a named tokenizer service (see {@link TokenizerProperties#NAME}) or a tokenizer
 * file ({@code tokenizer.json}, {@code vocab.txt}, {@code vocab.json}, a SentencePiece {@code .model}) loaded with
 * bertlab's own implementation. One service does this for every command and plugin, so that names, files and their
 * error messages behave the same everywhere (the twin of {@code io.bertlab.api.model.ModelResolver}).
 *
 * @since 1.1
 */
@ProviderType
public interface TokenizerResolver {

    /**
     * Resolves a tokenizer.
     *
     * @param nameOrFile what the user typed: a tokenizer name, else a file
     * @param file the same argument resolved as a path (against the caller's working directory)
     * @return the tokenizer
     * @throws IOException when nothing has that name and no such file exists, the named tokenizer's configuration
     *     failed, or the file cannot be read or is malformed (the message names the argument, the file and what is
     *     wrong)
     */
    Tokenizer resolve(String nameOrFile, Path file) throws IOException;
}
