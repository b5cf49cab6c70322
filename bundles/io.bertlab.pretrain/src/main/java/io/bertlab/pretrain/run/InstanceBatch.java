package io.bertlab.pretrain.run;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.Targets;
import io.bertlab.pretrain.TrainingInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Instances as one engine batch, padded to the batch's longest instance (dynamic padding, id 0 and attention 0 past
 * an instance's end), with the targets of every objective.
 *
 * @param batch the encoder inputs
 * @param targets the targets, by head name
 * @param tokens the real (unpadded) tokens
 */
record InstanceBatch(Batch batch, Targets targets, long tokens) {

    /**
     * Builds a batch.
     *
     * @param set the instances
     * @param indices which of them, in order
     * @param objectives the objectives whose targets are needed
     * @return the batch
     */
    static InstanceBatch of(InstanceSet set, int[] indices, List<Objective> objectives) {
        return of(set, indices, objectives, (instance, row) -> instance);
    }

    /** Changes an instance as it enters a batch (a new masking). */
    @FunctionalInterface
    interface RowChange {
        TrainingInstance apply(TrainingInstance instance, int row);
    }

    /**
     * Builds a batch of changed instances.
     *
     * @param set the instances
     * @param indices which of them, in order
     * @param objectives the objectives whose targets are needed
     * @param change applied to each instance with its row
     * @return the batch
     */
    static InstanceBatch of(InstanceSet set, int[] indices, List<Objective> objectives, RowChange change) {
        List<TrainingInstance> instances = new ArrayList<>(indices.length);
        int length = 0;
        long tokens = 0;
        for (int index : indices) {
            TrainingInstance instance = change.apply(set.get(index), instances.size());
            instances.add(instance);
            length = Math.max(length, instance.length());
            tokens += instance.length();
        }
        int[][] ids = new int[indices.length][length];
        int[][] types = new int[indices.length][length];
        int[][] mask = new int[indices.length][length];
        for (int row = 0; row < indices.length; row++) {
            TrainingInstance instance = instances.get(row);
            System.arraycopy(instance.tokens(), 0, ids[row], 0, instance.length());
            System.arraycopy(instance.segmentIds(), 0, types[row], 0, instance.length());
            java.util.Arrays.fill(mask[row], 0, instance.length(), 1);
        }
        Map<String, HeadTarget> targets = new LinkedHashMap<>();
        for (Objective objective : objectives) {
            targets.put(objective.head().name(), objective.targets(instances, length));
        }
        return new InstanceBatch(new Batch(ids, types, mask), new Targets(targets), tokens);
    }
}
