package io.bertlab.api.tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/** What a {@link TokenizerTrainer} produced: a ready tokenizer that can be saved as {@code tokenizer.json}. */
@ProviderType
public interface TrainingResult {

    /**
     * The trained tokenizer.
     *
     * @return the tokenizer
     */
    Tokenizer tokenizer();

    /**
     * Writes the tokenizer as a HuggingFace {@code tokenizer.json}, loadable by HuggingFace and by
     * {@link TokenizerLoader}.
     *
     * @param file the file to write
     * @throws IOException when it cannot be written
     */
    void save(Path file) throws IOException;
}
