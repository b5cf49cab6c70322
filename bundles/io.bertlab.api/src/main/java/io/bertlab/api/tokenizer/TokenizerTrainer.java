package io.bertlab.api.tokenizer;

import io.bertlab.api.progress.ProgressListener;
import java.io.IOException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Learns a vocabulary of one model family from a corpus. Registered as a service with
 * {@link TokenizerProperties#MODEL}; {@code template} supplies the rest of the pipeline (normalizer, pre-tokenizer,
 * post-processor, decoder) so that training sees text exactly as encoding will. Without a template the trainer uses
 * its model family's usual pipeline, normalized as {@link TrainerSettings#lowercase()} and
 * {@link TrainerSettings#stripAccents()} ask.
 */
@ProviderType
public interface TokenizerTrainer {

    /**
     * Trains without reporting progress.
     *
     * @param corpus the training texts, one per element; iterated once or more
     * @param settings vocabulary size, special tokens and the other trainer options
     * @param template a tokenizer whose pipeline (not its model) the result reuses, or null for the model's
     *     usual pipeline
     * @return the trained tokenizer
     * @throws IOException when the corpus cannot be read
     * @throws IllegalArgumentException when the settings do not fit this model family
     */
    default TrainingResult train(Iterable<String> corpus, TrainerSettings settings, Tokenizer template)
            throws IOException {
        return train(corpus, settings, template, ProgressListener.NONE);
    }

    /**
     * Trains, reporting progress (words counted, merges learned, EM rounds) as it goes.
     *
     * @param corpus the training texts, one per element; iterated once or more
     * @param settings vocabulary size, special tokens and the other trainer options
     * @param template a tokenizer whose pipeline (not its model) the result reuses, or null for the model's
     *     usual pipeline
     * @param progress receives the progress, from any thread
     * @return the trained tokenizer
     * @throws IOException when the corpus cannot be read
     * @throws IllegalArgumentException when the settings do not fit this model family
     * @since 1.2
     */
    TrainingResult train(Iterable<String> corpus, TrainerSettings settings, Tokenizer template,
            ProgressListener progress) throws IOException;
}
