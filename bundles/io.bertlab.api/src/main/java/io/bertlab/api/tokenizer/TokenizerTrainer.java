package io.bertlab.api.tokenizer;

import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Learns a vocabulary of one model family from a corpus. Registered as a service with
 * {@link TokenizerProperties#MODEL}; {@code template} supplies the rest of the pipeline (normalizer, pre-tokenizer,
 * post-processor, decoder) so that training sees text exactly as encoding will.
 */
@ProviderType
public interface TokenizerTrainer {

    /**
     * Trains.
     *
     * @param corpus the training texts, one per element; iterated once or more
     * @param settings vocabulary size, special tokens and the other trainer options
     * @param template a tokenizer whose pipeline (not its model) the result reuses, or null for the model's
     *     usual pipeline
     * @return the trained tokenizer
     * @throws IOException when the corpus cannot be read
     * @throws IllegalArgumentException when the settings do not fit this model family
     */
    TrainingResult train(Iterable<String> corpus, TrainerSettings settings, Tokenizer template) throws IOException;
}
