package io.bertlab.api.model;

import java.util.Map;

/**
 * Head outputs and losses for a batch, computed in inference mode.
 *
 * @param logits per head name: classification {@code [batch, numLabels]}, regression {@code [batch, 1]},
 *        masked LM {@code [batch, sequence, vocab]}, next sentence {@code [batch, 2]}
 * @param losses per head name that had targets; empty when none were given
 */
public record Evaluation(Map<String, Tensor> logits, Map<String, Double> losses) {

    /**
     * Copies the maps.
     *
     * @param logits see the record description
     * @param losses see the record description
     */
    public Evaluation {
        logits = Map.copyOf(logits);
        losses = Map.copyOf(losses);
    }
}
