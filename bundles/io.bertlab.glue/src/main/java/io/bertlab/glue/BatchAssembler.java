package io.bertlab.glue;

import io.bertlab.api.glue.Example;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.Targets;

/** Turns a batch of example indices into padded encoder inputs and the head's targets. */
final class BatchAssembler {

    private final EncodedSplit split;

    BatchAssembler(EncodedSplit split) {
        this.split = split;
    }

    /** The inputs, padded (id 0, masked out) to the batch's longest example. */
    Batch batch(int[] indices) {
        int length = 0;
        for (int i : indices) {
            length = Math.max(length, split.length(i));
        }
        int[][] ids = new int[indices.length][length];
        int[][] types = new int[indices.length][length];
        int[][] mask = new int[indices.length][length];
        for (int row = 0; row < indices.length; row++) {
            int[] source = split.ids()[indices[row]];
            System.arraycopy(source, 0, ids[row], 0, source.length);
            System.arraycopy(split.typeIds()[indices[row]], 0, types[row], 0, source.length);
            java.util.Arrays.fill(mask[row], 0, source.length, 1);
        }
        return new Batch(ids, types, mask);
    }

    /** The gold labels (classification) or scores (regression) of the batch's examples. */
    Targets targets(HeadSpec head, int[] indices) {
        HeadTarget target;
        if (head instanceof HeadSpec.Regression) {
            float[] scores = new float[indices.length];
            for (int row = 0; row < indices.length; row++) {
                scores[row] = (float) example(indices[row]).score();
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
            total += split.length(i);
        }
        return total;
    }

    private Example example(int index) {
        return split.examples().get(index);
    }
}
