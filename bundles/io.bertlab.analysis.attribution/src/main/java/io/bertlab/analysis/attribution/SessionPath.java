package io.bertlab.analysis.attribution;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.EmbeddingGradient;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSession;
import java.util.Arrays;

/**
 * A {@link PathFunction} backed by a training session: each call runs the points as one batch of copies of the
 * input (same token types, positions and mask), its word embeddings replaced by the points.
 */
final class SessionPath implements PathFunction {

    private final TrainingSession session;
    private final String head;
    private final int[] typeIds;
    private final int[] ids;
    private final int sequence;
    private final int hidden;

    SessionPath(TrainingSession session, String head, int[] ids, int[] typeIds, int hidden) {
        this.session = session;
        this.head = head;
        this.ids = ids.clone();
        this.typeIds = typeIds.clone();
        this.sequence = ids.length;
        this.hidden = hidden;
    }

    @Override
    public float[][] outputs(float[][] points) {
        Tensor logits = session.evaluateFromEmbeddings(batch(points.length), embeddings(points)).logits().get(head);
        float[][] outputs = new float[points.length][];
        for (int p = 0; p < points.length; p++) {
            outputs[p] = logits.vector(p);
        }
        return outputs;
    }

    @Override
    public Gradient gradient(float[][] points, int output) {
        EmbeddingGradient gradient = session.embeddingGradient(batch(points.length), embeddings(points),
                new OutputSelector(head, output));
        float[] all = gradient.gradient().toArray();
        int width = sequence * hidden;
        float[][] gradients = new float[points.length][];
        for (int p = 0; p < points.length; p++) {
            gradients[p] = Arrays.copyOfRange(all, p * width, (p + 1) * width);
        }
        return new Gradient(gradient.scores().toArray(), gradients);
    }

    /** The input repeated: its token ids are not read when embeddings are given, its types and mask are. */
    private Batch batch(int size) {
        int[][] inputIds = new int[size][];
        int[][] types = new int[size][];
        int[][] mask = new int[size][];
        int[] ones = new int[sequence];
        Arrays.fill(ones, 1);
        for (int b = 0; b < size; b++) {
            inputIds[b] = ids;
            types[b] = typeIds;
            mask[b] = ones;
        }
        return new Batch(inputIds, types, mask);
    }

    private Tensor embeddings(float[][] points) {
        float[] values = new float[points.length * sequence * hidden];
        for (int p = 0; p < points.length; p++) {
            System.arraycopy(points[p], 0, values, p * sequence * hidden, sequence * hidden);
        }
        return Tensor.of(values, points.length, sequence, hidden);
    }
}
