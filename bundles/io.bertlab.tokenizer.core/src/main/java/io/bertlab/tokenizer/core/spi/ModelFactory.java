package io.bertlab.tokenizer.core.spi;

import io.bertlab.api.tokenizer.TokenizerFormatException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Reads one model type from {@code tokenizer.json}. Register as a service with
 * {@code bertlab.tokenizer.model=<type>} (see {@link io.bertlab.api.tokenizer.TokenizerProperties#MODEL}).
 */
@ConsumerType
public interface ModelFactory {

    /**
     * The type this factory reads, as {@code tokenizer.json} spells it ({@code WordPiece}, {@code BPE}, ...).
     *
     * @return the type
     */
    String type();

    /**
     * For old files whose {@code model} has no {@code type}: whether the fields look like this model's.
     *
     * @param config the model object
     * @return true when this factory should read it
     */
    boolean recognizes(ModelConfig config);

    /**
     * Reads the model.
     *
     * @param config the model object
     * @return the model
     * @throws TokenizerFormatException when a field is missing or malformed
     */
    TokenizerModel read(ModelConfig config) throws TokenizerFormatException;
}
