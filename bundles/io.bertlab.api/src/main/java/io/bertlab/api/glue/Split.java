package io.bertlab.api.glue;

import java.util.Objects;

/**
 * One split of a task.
 *
 * @param name the split's name, e.g. {@code dev_matched}
 * @param fileName the file in the task's folder, e.g. {@code dev_matched.tsv}
 * @param labelled whether its rows carry gold labels (GLUE's test splits do not)
 */
public record Split(String name, String fileName, boolean labelled) {

    /**
     * Validates the fields.
     *
     * @param name the split's name
     * @param fileName the file name
     * @param labelled whether rows carry labels
     */
    public Split {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fileName, "fileName");
    }
}
