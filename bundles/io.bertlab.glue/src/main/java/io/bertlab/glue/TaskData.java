package io.bertlab.glue;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.RowProblem;
import io.bertlab.api.glue.Split;
import java.io.IOException;
import java.io.PrintStream;
import java.util.stream.Collectors;

/**
 * Reads a task's split for a command: the task's folder among the data roots, the split by name, and the rows that
 * were not examples reported (or, with {@code --strict}, the first of them refused).
 *
 * @param roots where task folders are
 * @param strict whether a malformed row stops the command
 * @param err where skipped rows are reported
 */
record TaskData(DataRoots roots, boolean strict, PrintStream err) {

    private static final int LISTED = 5;

    /**
     * A split by name.
     *
     * @throws IOException naming the task's splits when it has none of that name
     */
    static Split split(GlueTask task, String name) throws IOException {
        return task.splits().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new IOException(
                task.name() + " has no split '" + name + "'; it has " + task.splits().stream().map(Split::name)
                        .collect(Collectors.joining(", "))));
    }

    /**
     * Reads a split.
     *
     * @throws IOException when the file is missing or unreadable, or with {@code strict} when a row is malformed
     */
    Dataset read(GlueTask task, String splitName) throws IOException {
        Split split = split(task, splitName);
        Dataset dataset = task.read(roots.folder(task), split);
        if (!dataset.problems().isEmpty()) {
            if (strict) {
                throw new IOException(dataset.problems().get(0) + " (--strict stops at the first malformed row)");
            }
            err.printf("%s %s: %d malformed row%s skipped:%n", task.name(), splitName, dataset.problems().size(),
                    dataset.problems().size() == 1 ? "" : "s");
            dataset.problems().stream().limit(LISTED).map(RowProblem::toString).forEach(p -> err.println("  " + p));
            if (dataset.problems().size() > LISTED) {
                err.printf("  ... and %d more%n", dataset.problems().size() - LISTED);
            }
        }
        if (dataset.examples().isEmpty()) {
            throw new IOException(dataset.file() + ": no examples to " + (dataset.split().labelled() ? "train or"
                    + " evaluate on" : "predict"));
        }
        return dataset;
    }
}
