package io.bertlab.engine.java;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ModelConfig;

/** Checks that a batch fits a model before any array is indexed with its ids. */
public final class InputCheck {

    private InputCheck() {
    }

    /**
     * Verifies the sequence length, token ids and token type ids.
     *
     * @param config the model's architecture
     * @param batch the inputs
     * @throws IllegalArgumentException naming the input, the position and the allowed range
     */
    public static void verify(ModelConfig config, Batch batch) {
        if (batch.sequenceLength() > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("sequence length " + batch.sequenceLength()
                    + " exceeds max_position_embeddings " + config.maxPositionEmbeddings());
        }
        for (int b = 0; b < batch.size(); b++) {
            for (int t = 0; t < batch.sequenceLength(); t++) {
                int id = batch.inputId(b, t);
                if (id < 0 || id >= config.vocabSize()) {
                    throw new IllegalArgumentException("input_ids[" + b + "][" + t + "] = " + id
                            + " is outside the vocabulary [0, " + config.vocabSize() + ")");
                }
                int type = batch.tokenTypeId(b, t);
                if (type < 0 || type >= config.typeVocabSize()) {
                    throw new IllegalArgumentException("token_type_ids[" + b + "][" + t + "] = " + type
                            + " is outside [0, " + config.typeVocabSize() + ")");
                }
            }
        }
    }
}
