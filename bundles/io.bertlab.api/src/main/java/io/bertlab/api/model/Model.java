package io.bertlab.api.model;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A loaded BERT encoder. Thread-safe: concurrent forward passes are allowed. Published as an OSGi service (with the
 * properties of {@link ModelProperties}) by the component that manages named models, and closed by whoever loaded it.
 */
@ProviderType
public interface Model extends AutoCloseable {

    /**
     * The architecture of this model.
     *
     * @return the configuration read from {@value ModelProperties#CONFIG_FILE}
     */
    ModelConfig config();

    /**
     * The engine running this model.
     *
     * @return the engine's description
     */
    EngineInfo engine();

    /**
     * Runs the encoder in inference mode (no dropout).
     *
     * @param batch the inputs; ids must be below {@code vocabSize}, token types below {@code typeVocabSize}, and the
     *        sequence length at most {@code maxPositionEmbeddings}
     * @param options which extra outputs to return
     * @return the outputs
     * @throws IllegalArgumentException when the batch does not fit the model (the message names the input and position)
     */
    ForwardResult forward(Batch batch, ForwardOptions options);

    /**
     * Runs the encoder in inference mode, returning the last hidden state and the pooled output only.
     *
     * @param batch the inputs
     * @return the outputs
     */
    default ForwardResult forward(Batch batch) {
        return forward(batch, ForwardOptions.DEFAULT);
    }

    /**
     * Opens a session that trains, evaluates and attributes task heads on a private copy of this model's parameters:
     * training never changes this model.
     *
     * @param spec the heads, the optimizer and the seed
     * @return the session; the caller closes it
     */
    TrainingSession openSession(TrainingSpec spec);

    /** Releases the model's memory or native resources; the model must not be used afterwards. */
    @Override
    void close();
}
