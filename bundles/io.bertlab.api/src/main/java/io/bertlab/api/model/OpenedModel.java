package io.bertlab.api.model;

import io.bertlab.api.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A model opened by a {@link ModelResolver}, with the files it came from. Closing it closes a model loaded from a
 * directory for this caller; a named model stays open: it belongs to its configuration.
 */
@ProviderType
public interface OpenedModel extends AutoCloseable {

    /**
     * The model.
     *
     * @return the model, open until {@link #close()}
     */
    Model model();

    /**
     * The folder of the model's files.
     *
     * @return the folder holding {@value ModelProperties#CONFIG_FILE} and, usually,
     *         {@value ModelProperties#TOKENIZER_FILE}
     * @throws IOException when the model service does not say where its files are
     */
    Path directory() throws IOException;

    /**
     * The tokenizer stored beside the model ({@value ModelProperties#TOKENIZER_FILE}), loaded by bertlab's own
     * loader when installed, else by whichever is.
     *
     * @return the tokenizer
     * @throws IOException when it is missing or malformed (the message names the file), or no loader is installed
     */
    Tokenizer tokenizer() throws IOException;

    /** Releases a model loaded for this caller. */
    @Override
    void close();
}
