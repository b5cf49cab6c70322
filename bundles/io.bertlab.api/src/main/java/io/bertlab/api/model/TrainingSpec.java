package io.bertlab.api.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link TrainingSession} trains: its heads, its optimizer, and the seed that makes a run reproducible
 * (initialisation of new heads, dropout masks).
 *
 * @param heads the task heads, with distinct names; heads whose parameters the model's checkpoint already holds
 *        start from those, others are initialised from {@code N(0, initializerRange)} (and so is a missing pooler,
 *        which heads over the pooled output need)
 * @param optimizer the optimizer and learning-rate schedule, or {@code null} for a session that only evaluates
 *        and attributes
 * @param seed the random seed
 */
public record TrainingSpec(List<HeadSpec> heads, OptimizerSpec optimizer, long seed) {

    /**
     * Validates and copies the fields.
     *
     * @param heads the task heads
     * @param optimizer the optimizer or {@code null}
     * @param seed the random seed
     */
    public TrainingSpec {
        heads = List.copyOf(heads);
        Set<String> names = new HashSet<>();
        for (HeadSpec head : heads) {
            if (!names.add(Objects.requireNonNull(head, "head").name())) {
                throw new IllegalArgumentException("two heads are named '" + head.name() + "'");
            }
        }
    }
}
