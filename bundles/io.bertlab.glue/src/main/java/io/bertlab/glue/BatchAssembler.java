package io.bertlab.glue;

import io.bertlab.api.glue.Example;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.Loss;
import io.bertlab.api.model.Targets;

/** Turns a batch of example indices into padded encoder inputs and the head's targets. */
final class BatchAssembler {

    private final EncodedSplit split;

    BatchAssembler(EncodedSplit split) {
        this.split = split;
    }

    /**
     * The inputs, padded (id 0, masked out) to the batch's longest example: one row per example, or, when the texts
     * are encoded apart, the first texts in rows {@code 0..n-1} and the second texts in rows {@code n..2n-1}.
     */
    Batch batch(int[] indices) {
        int length = 0;
        for (int i : indices) {
            length = Math.max(length, split.length(i));
        }
        int n = indices.length;
        int rows = split.apart() ? 2 * n : n;
        int[][] ids = new int[rows][length];
        int[][] types = new int[rows][length];
        int[][] mask = new int[rows][length];
        for (int row = 0; row < n; row++) {
            place(split.ids()[indices[row]], split.typeIds()[indices[row]], ids[row], types[row], mask[row]);
            if (split.apart()) {
                int[] second = split.secondIds()[indices[row]];
                place(second, new int[second.length], ids[n + row], types[n + row], mask[n + row]);
            }
        }
        return new Batch(ids, types, mask);
    }

    private static void place(int[] source, int[] sourceTypes, int[] ids, int[] types, int[] mask) {
        System.arraycopy(source, 0, ids, 0, source.length);
        System.arraycopy(sourceTypes, 0, types, 0, source.length);
        java.util.Arrays.fill(mask, 0, source.length, 1);
    }

    /**
     * The gold labels (classification) or scores (regression) of the batch's examples; for the cosine head, the
     * scores divided by {@link HeadKind#COSINE_SCALE}.
     */
    Targets targets(HeadSpec head, int[] indices) {
        HeadTarget target;
        if (head.loss() == Loss.MEAN_SQUARED_ERROR) {
            double scale = head instanceof HeadSpec.CosineSimilarity ? HeadKind.COSINE_SCALE : 1;
            float[] scores = new float[indices.length];
            for (int row = 0; row < indices.length; row++) {
                scores[row] = (float) (example(indices[row]).score() / scale);
            }
            target = new HeadTarget.Values(scores);
        } else {
            int[] labels = new int[indices.length];
            for (int row = 0; row < indices.length; row++) {
                labels[row] = example(indices[row]).label();
            }
            target = new HeadTarget.ClassLabels(labels);
        }
        return Targets.of(head.name(), target);
    }

    /** The number of real (unpadded) tokens in a batch. */
    long tokens(int[] indices) {
        long total = 0;
        for (int i : indices) {
            total += split.tokens(i);
        }
        return total;
    }

    private Example example(int index) {
        return split.examples().get(index);
    }
}
