package io.bertlab.spark;

import io.bertlab.api.model.Model;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import java.nio.file.Path;

/**
 * A model directory loaded once in an executor's JVM and shared by its tasks: the model (whose forward passes may
 * run concurrently) and the tokenizer beside it. {@link #close()} does nothing: the model belongs to the JVM's cache,
 * not to whoever opened it.
 */
final class SharedModel implements OpenedModel {

    private final Path directory;
    private final Model model;
    private final Tokenizer tokenizer;
    private final EncodeOptions embedOptions;

    SharedModel(Path directory, Model model, Tokenizer tokenizer) {
        this.directory = directory;
        this.model = model;
        this.tokenizer = tokenizer;
        // as bertlab embed encodes: the file's special tokens, cut to the model's positions, no fixed padding
        // (batches are padded to their longest text)
        int maxTokens = model.config().maxPositionEmbeddings();
        this.embedOptions = EncodeOptions.of(tokenizer.defaults().addSpecialTokens(),
                Truncation.longestFirst(maxTokens), null);
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** @return the options {@code embed} encodes texts with, for this model */
    EncodeOptions embedOptions() {
        return embedOptions;
    }

    @Override
    public void close() {
        // shared: closed only by ExecutorModels.closeAll()
    }
}
