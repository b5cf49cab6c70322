package io.bertlab.glue.tasks;

import io.bertlab.api.glue.Split;
import java.util.Objects;

/**
 * One split of a task together with how its file is laid out and, for a test split, how the leaderboard wants its
 * predictions.
 *
 * @param split the split as {@link io.bertlab.api.glue.GlueTask#splits()} lists it
 * @param layout the layout of its file
 * @param submissionFile the leaderboard's file name for its predictions (e.g. {@code MNLI-m.tsv}), or {@code null}
 *        for a split that is not submitted (train, dev)
 * @param leaderboardRows how many predictions the leaderboard expects for it (the official test set's size), or 0
 *        for a split that is not submitted
 */
record SplitLayout(Split split, TsvLayout layout, String submissionFile, int leaderboardRows) {

    /**
     * Checks that the split and its layout agree.
     *
     * @param split the split
     * @param layout the layout
     * @param submissionFile the submission file name or {@code null}
     * @param leaderboardRows the official test size or 0
     */
    SplitLayout {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(layout, "layout");
        if (layout.textAColumn() < 0) {
            throw new IllegalArgumentException(split.name() + ": the layout names no text column");
        }
        if (split.labelled() != layout.labelled()) {
            throw new IllegalArgumentException(split.name() + ": labelled is " + split.labelled()
                    + " but the layout " + (layout.labelled() ? "has" : "has no") + " gold column");
        }
        if ((submissionFile == null) != (leaderboardRows == 0)) {
            throw new IllegalArgumentException(split.name() + ": a submitted split needs its official size");
        }
    }

    /**
     * A split that is read but never submitted (train, dev).
     *
     * @param name the split's name, also its file's base name
     * @param layout the layout of its file
     * @return the split
     */
    static SplitLayout labelled(String name, TsvLayout layout) {
        return new SplitLayout(new Split(name, name + ".tsv", true), layout, null, 0);
    }

    /**
     * A test split, whose predictions go to the leaderboard.
     *
     * @param name the split's name
     * @param fileName the file in the task's folder
     * @param layout the layout of its file
     * @param submissionFile the leaderboard's name for the predictions
     * @param leaderboardRows the official number of test examples
     * @return the split
     */
    static SplitLayout test(String name, String fileName, TsvLayout layout, String submissionFile,
            int leaderboardRows) {
        return new SplitLayout(new Split(name, fileName, false), layout, submissionFile, leaderboardRows);
    }
}
