package io.bertlab.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ModelConfig;

/**
 * A batch as NDArrays: token ids, token types and positions as int64 indices, and the attention mask as an additive
 * bias over keys ({@code 0} for attended, the most negative float for padding, as HF does), {@code [batch, 1, 1, seq]}.
 */
record EncoderInputs(NDArray inputIds, NDArray tokenTypeIds, NDArray positionIds, NDArray attentionBias,
        int batchSize, int sequenceLength) {

    /**
     * Checks a batch against a model and copies it into NDArrays of {@code manager}.
     *
     * @throws IllegalArgumentException naming the input and position that does not fit the model
     */
    static EncoderInputs of(NDManager manager, Batch batch, ModelConfig config) {
        int rows = batch.size();
        int length = batch.sequenceLength();
        if (length > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("sequence length " + length + " exceeds max_position_embeddings "
                    + config.maxPositionEmbeddings());
        }
        long[] ids = new long[rows * length];
        long[] types = new long[rows * length];
        long[] positions = new long[rows * length];
        float[] bias = new float[rows * length];
        for (int b = 0; b < rows; b++) {
            for (int t = 0; t < length; t++) {
                int i = b * length + t;
                ids[i] = checked("input_ids", b, t, batch.inputId(b, t), config.vocabSize(), "vocab_size");
                types[i] = checked("token_type_ids", b, t, batch.tokenTypeId(b, t), config.typeVocabSize(),
                        "type_vocab_size");
                positions[i] = t;
                bias[i] = batch.attended(b, t) ? 0f : -Float.MAX_VALUE;
            }
        }
        Shape shape = new Shape(rows, length);
        return new EncoderInputs(manager.create(ids, shape), manager.create(types, shape),
                manager.create(positions, shape), manager.create(bias, new Shape(rows, 1, 1, length)), rows, length);
    }

    private static int checked(String input, int row, int position, int value, int limit, String field) {
        if (value < 0 || value >= limit) {
            throw new IllegalArgumentException(input + "[" + row + "][" + position + "] = " + value
                    + " is outside [0, " + field + " " + limit + ")");
        }
        return value;
    }
}
