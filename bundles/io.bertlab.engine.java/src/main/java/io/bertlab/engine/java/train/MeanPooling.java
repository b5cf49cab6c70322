package io.bertlab.engine.java.train;

import io.bertlab.api.model.Batch;

/**
 * The mean of each sequence's last hidden states over its attended (non-padding) tokens, forward and backward: the
 * input of heads pooled with {@link io.bertlab.api.model.HeadSpec.Pooling#MEAN}. Sums in token order, so the result
 * does not depend on the batch's padding.
 */
final class MeanPooling {

    private MeanPooling() {
    }

    /**
     * @param last the last hidden states, {@code [batch, seq, hidden]}
     * @param batch the inputs (for the attention mask)
     * @param hidden the hidden size
     * @return {@code [batch, hidden]}
     */
    static float[] forward(float[] last, Batch batch, int hidden) {
        int length = batch.sequenceLength();
        float[] pooled = new float[batch.size() * hidden];
        for (int b = 0; b < batch.size(); b++) {
            int counted = 0;
            for (int t = 0; t < length; t++) {
                if (batch.attended(b, t)) {
                    int row = (b * length + t) * hidden;
                    for (int j = 0; j < hidden; j++) {
                        pooled[b * hidden + j] += last[row + j];
                    }
                    counted++;
                }
            }
            float scale = 1f / Math.max(1, counted);
            for (int j = 0; j < hidden; j++) {
                pooled[b * hidden + j] *= scale;
            }
        }
        return pooled;
    }

    /**
     * Adds the gradient of the mean to each attended token's hidden state: {@code dPooled / count}.
     *
     * @param dPooled gradient of the pooled vectors, {@code [batch, hidden]}
     * @param batch the inputs
     * @param hidden the hidden size
     * @param dLast gradient of the last hidden states, {@code [batch, seq, hidden]}, added to
     */
    static void backward(float[] dPooled, Batch batch, int hidden, float[] dLast) {
        int length = batch.sequenceLength();
        for (int b = 0; b < batch.size(); b++) {
            int counted = 0;
            for (int t = 0; t < length; t++) {
                counted += batch.attended(b, t) ? 1 : 0;
            }
            float scale = 1f / Math.max(1, counted);
            for (int t = 0; t < length; t++) {
                if (batch.attended(b, t)) {
                    int row = (b * length + t) * hidden;
                    for (int j = 0; j < hidden; j++) {
                        dLast[row + j] += dPooled[b * hidden + j] * scale;
                    }
                }
            }
        }
    }
}
