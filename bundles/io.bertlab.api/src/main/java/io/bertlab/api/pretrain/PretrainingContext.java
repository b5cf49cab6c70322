package io.bertlab.api.pretrain;

import io.bertlab.api.tokenizer.Tokenizer;
import java.util.Random;
import org.osgi.annotation.versioning.ProviderType;

/** What a {@link PretrainingTask} may use while it prepares one instance. */
@ProviderType
public interface PretrainingContext {

    /**
     * The corpus instances are drawn from.
     *
     * @return the corpus
     */
    Corpus corpus();

    /**
     * The tokenizer of the model being trained (for vocabulary look-ups such as {@code [MASK]} and random tokens).
     *
     * @return the tokenizer
     */
    Tokenizer tokenizer();

    /**
     * The run's seeded random source; using only this keeps runs reproducible.
     *
     * @return the random source
     */
    Random random();

    /**
     * The longest sequence, special tokens included.
     *
     * @return the maximum length in tokens
     */
    int maxLength();
}
