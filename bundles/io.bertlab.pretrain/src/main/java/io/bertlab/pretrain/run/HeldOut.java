package io.bertlab.pretrain.run;

import io.bertlab.api.model.TrainingSession;
import java.util.List;

/**
 * Evaluation on held-out instances: every instance once, in file order, in batches padded to their longest, in
 * inference mode (no dropout; the parameters are not changed, so evaluating does not alter the run).
 */
final class HeldOut {

    private final InstanceSet instances;
    private final List<Objective> objectives;
    private final int batchSize;

    HeldOut(InstanceSet instances, List<Objective> objectives, int batchSize) {
        this.instances = instances;
        this.objectives = List.copyOf(objectives);
        this.batchSize = batchSize;
    }

    InstanceSet instances() {
        return instances;
    }

    /**
     * Evaluates the session's current parameters.
     *
     * @param session the session
     * @return each task's loss (mean over all its targets) and accuracy
     */
    Scores evaluate(TrainingSession session) {
        Scores scores = new Scores(objectives);
        for (int start = 0; start < instances.size(); start += batchSize) {
            int[] indices = new int[Math.min(batchSize, instances.size() - start)];
            for (int i = 0; i < indices.length; i++) {
                indices[i] = start + i;
            }
            InstanceBatch batch = InstanceBatch.of(instances, indices, objectives);
            scores.add(session.evaluate(batch.batch(), batch.targets()), batch);
        }
        return scores;
    }
}
