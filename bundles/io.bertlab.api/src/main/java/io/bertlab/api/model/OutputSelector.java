package io.bertlab.api.model;

import java.util.Objects;

/**
 * Which scalar of a head's output to differentiate, per example: the logit of class {@code index} for a
 * classification or next-sentence head, {@code 0} for a regression head.
 *
 * @param head the head's name
 * @param index the output index, the same for every example of the batch
 */
public record OutputSelector(String head, int index) {

    /**
     * Validates the fields.
     *
     * @param head the head's name
     * @param index the output index, not negative
     */
    public OutputSelector {
        Objects.requireNonNull(head, "head");
        if (index < 0) {
            throw new IllegalArgumentException("output index must not be negative, was " + index);
        }
    }
}
