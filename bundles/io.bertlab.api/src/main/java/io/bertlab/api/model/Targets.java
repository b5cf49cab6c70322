package io.bertlab.api.model;

import java.util.Map;

/**
 * The targets of a training or evaluation batch, by head name. The step's loss is the sum of the losses of the
 * heads named here (for BERT pre-training: mean MLM loss + mean NSP loss).
 *
 * @param byHead target per head name
 */
public record Targets(Map<String, HeadTarget> byHead) {

    /**
     * Copies the map.
     *
     * @param byHead target per head name, at least one
     */
    public Targets {
        byHead = Map.copyOf(byHead);
        if (byHead.isEmpty()) {
            throw new IllegalArgumentException("targets for at least one head are needed");
        }
    }

    /**
     * Targets for a single head.
     *
     * @param head the head's name
     * @param target its target
     * @return the targets
     */
    public static Targets of(String head, HeadTarget target) {
        return new Targets(Map.of(head, target));
    }
}
