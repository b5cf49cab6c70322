package io.bertlab.pretrain.run;

import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.pretrain.PretrainingTask;
import io.bertlab.pretrain.TrainingInstance;
import java.util.Arrays;
import java.util.List;

/**
 * One objective of the run: a {@link PretrainingTask} service's name and head, and how the head's targets are read
 * from instance files. An instance file carries two kinds of target: the masked positions with their original ids
 * (for a {@link HeadSpec.MaskedLm} head: {@link HeadTarget.TokenLabels}, {@value HeadTarget.TokenLabels#IGNORE}
 * elsewhere) and one label per instance and task, by task name (for a {@link HeadSpec.NextSentence} or
 * {@link HeadSpec.Classification} head: {@link HeadTarget.ClassLabels}; {@code nsp}'s is Google's
 * {@code is_random_next}, 0 = IsNext, 1 = NotNext, as HF).
 *
 * @param task the task's name ({@value PretrainingTask#TASK}), e.g. {@code mlm}; names the metrics
 * @param head the head it trains
 */
record Objective(String task, HeadSpec head) {

    /**
     * The objective of a task service.
     *
     * @param name the name it was chosen by
     * @param task the service
     * @return the objective
     * @throws IllegalArgumentException when instance files have no targets for the task's head
     */
    static Objective of(String name, PretrainingTask task) {
        HeadSpec head = task.head();
        if (!(head instanceof HeadSpec.MaskedLm) && !(head instanceof HeadSpec.NextSentence)
                && !(head instanceof HeadSpec.Classification)) {
            throw new IllegalArgumentException("task '" + name + "' trains a " + head.getClass().getSimpleName()
                    + " head, and instance files only carry masked tokens and one integer label per task");
        }
        return new Objective(name, head);
    }

    /** Whether the targets are per token (accuracy over the predicted positions) rather than per instance. */
    boolean perToken() {
        return head instanceof HeadSpec.MaskedLm;
    }

    /**
     * The targets of a batch for this objective's head.
     *
     * @param instances the batch's instances
     * @param length the padded length
     * @return token labels or class labels
     */
    HeadTarget targets(List<TrainingInstance> instances, int length) {
        if (perToken()) {
            int[][] labels = new int[instances.size()][length];
            for (int row = 0; row < labels.length; row++) {
                Arrays.fill(labels[row], HeadTarget.TokenLabels.IGNORE);
                TrainingInstance instance = instances.get(row);
                int[] positions = instance.maskedPositions();
                int[] ids = instance.maskedLabels();
                for (int i = 0; i < positions.length; i++) {
                    labels[row][positions[i]] = ids[i];
                }
            }
            return new HeadTarget.TokenLabels(labels);
        }
        int[] labels = new int[instances.size()];
        for (int row = 0; row < labels.length; row++) {
            Integer label = instances.get(row).labels().get(task);
            if (label == null) {
                // InstanceSet.checkLabels refuses such a file before the run starts
                throw new IllegalStateException("an instance has no label for task '" + task + "'");
            }
            labels[row] = label;
        }
        return new HeadTarget.ClassLabels(labels);
    }
}
