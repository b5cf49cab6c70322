package io.bertlab.pretrain.run;

import io.bertlab.api.model.Evaluation;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loss and accuracy of each objective over one or more batches, from the engine's {@link Evaluation}: accuracy is
 * the share of targets whose highest logit is the label (masked-LM: over the predicted positions only; NSP: over the
 * instances); the loss of a batch, a mean over its targets, is weighted by its number of targets, so that the loss
 * over many batches is the mean over all their targets, as one batch holding them all would give.
 */
final class Scores {

    private final List<Objective> objectives;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    /** One objective's sums. */
    private static final class Tally {
        double lossSum;
        long lossWeight;
        long correct;
        long count;
    }

    Scores(List<Objective> objectives) {
        this.objectives = List.copyOf(objectives);
        for (Objective objective : objectives) {
            tallies.put(objective.task(), new Tally());
        }
    }

    /**
     * Adds a batch.
     *
     * @param evaluation the engine's logits (and, when targets were given, losses) for the batch
     * @param batch the batch, with its targets
     */
    void add(Evaluation evaluation, InstanceBatch batch) {
        for (Objective objective : objectives) {
            String head = objective.head().name();
            Tensor logits = evaluation.logits().get(head);
            HeadTarget target = batch.targets().byHead().get(head);
            Tally tally = tallies.get(objective.task());
            long before = tally.count;
            if (target instanceof HeadTarget.TokenLabels tokens) {
                int[][] labels = tokens.labels();
                for (int row = 0; row < labels.length; row++) {
                    for (int position = 0; position < labels[row].length; position++) {
                        int label = labels[row][position];
                        if (label != HeadTarget.TokenLabels.IGNORE) {
                            tally.count++;
                            tally.correct += argmax(logits.vector(row, position)) == label ? 1 : 0;
                        }
                    }
                }
            } else if (target instanceof HeadTarget.ClassLabels classes) {
                int[] labels = classes.labels();
                for (int row = 0; row < labels.length; row++) {
                    tally.count++;
                    tally.correct += argmax(logits.vector(row)) == labels[row] ? 1 : 0;
                }
            }
            Double loss = evaluation.losses().get(head);
            long targets = tally.count - before;
            if (loss != null && targets > 0) {
                tally.lossSum += loss * targets;
                tally.lossWeight += targets;
            }
        }
    }

    /** The index of the largest value, the first on ties (as {@code torch.argmax}). */
    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Accuracy per task, NaN for a task without targets. */
    Map<String, Double> accuracy() {
        Map<String, Double> accuracy = new LinkedHashMap<>();
        tallies.forEach((task, t) -> accuracy.put(task, t.count == 0 ? Double.NaN : (double) t.correct / t.count));
        return accuracy;
    }

    /** Mean loss per task over all targets, NaN for a task without any. */
    Map<String, Double> loss() {
        Map<String, Double> loss = new LinkedHashMap<>();
        tallies.forEach((task, t) -> loss.put(task, t.lossWeight == 0 ? Double.NaN : t.lossSum / t.lossWeight));
        return loss;
    }

    /** The run's loss: the sum of the tasks' mean losses, as a training step sums its heads' losses. */
    double totalLoss() {
        return loss().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The number of targets per task (predicted positions for MLM, instances for NSP). */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        tallies.forEach((task, t) -> counts.put(task, t.count));
        return counts;
    }
}
