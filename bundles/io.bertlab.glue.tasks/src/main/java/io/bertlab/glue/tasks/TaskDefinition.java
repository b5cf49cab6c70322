package io.bertlab.glue.tasks;

import io.bertlab.api.glue.Split;
import io.bertlab.api.model.HeadSpec;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Everything that makes one GLUE task different from another, as data: its labels, metrics, splits and file
 * layouts. {@link DefinedGlueTask} turns a definition into a {@link io.bertlab.api.glue.GlueTask}.
 *
 * @param name the task's name as GLUE spells it, e.g. {@code STS-B}
 * @param labels the class labels in index order (HF {@code datasets}' order); empty for regression
 * @param predictionFormat how a submission writes a prediction: {@link LabelFormat#INDEX}, {@link LabelFormat#NAME}
 *        or, for regression, {@link LabelFormat#SCORE}
 * @param metrics the official metrics by {@link io.bertlab.api.glue.Metric} name, the ranking one first
 * @param splits the splits in run order
 */
record TaskDefinition(String name, List<String> labels, LabelFormat predictionFormat, List<String> metrics,
        List<SplitLayout> splits) {

    /**
     * Checks that labels, formats and layouts agree, so that a wrong definition fails when the class loads rather
     * than when a file is read.
     *
     * @param name the task's name
     * @param labels the labels
     * @param predictionFormat the submission format
     * @param metrics the metrics
     * @param splits the splits
     */
    TaskDefinition {
        Objects.requireNonNull(name, "name");
        labels = List.copyOf(labels);
        metrics = List.copyOf(metrics);
        splits = List.copyOf(splits);
        boolean regression = labels.isEmpty();
        if (regression != (predictionFormat == LabelFormat.SCORE) || predictionFormat == LabelFormat.NONE) {
            throw new IllegalArgumentException(name + ": prediction format " + predictionFormat
                    + " does not fit labels " + labels);
        }
        if (splits.isEmpty() || metrics.isEmpty()) {
            throw new IllegalArgumentException(name + ": a task needs splits and metrics");
        }
        boolean pair = splits.get(0).layout().pair();
        for (SplitLayout split : splits) {
            LabelFormat gold = split.layout().goldFormat();
            if (gold != LabelFormat.NONE && regression != (gold == LabelFormat.SCORE)) {
                throw new IllegalArgumentException(name + ": split " + split.split().name() + " has gold format "
                        + gold + " but labels " + labels);
            }
            if (split.layout().pair() != pair) {
                throw new IllegalArgumentException(name + ": splits disagree on whether examples are pairs");
            }
        }
    }

    /** @return whether examples are sentence pairs */
    boolean pair() {
        return splits.get(0).layout().pair();
    }

    /** @return a classification head over the labels, or a regression head when there are none */
    HeadSpec head() {
        return labels.isEmpty() ? HeadSpec.Regression.of() : HeadSpec.Classification.of(labels.size());
    }

    /** @return the splits as the API lists them */
    List<Split> apiSplits() {
        return splits.stream().map(SplitLayout::split).collect(Collectors.toUnmodifiableList());
    }

    /**
     * The split of this name.
     *
     * @param split a split, matched by name
     * @return its layout
     * @throws IllegalArgumentException naming the task's splits when it has none of that name
     */
    SplitLayout split(Split split) {
        Objects.requireNonNull(split, "split");
        for (SplitLayout candidate : splits) {
            if (candidate.split().name().equals(split.name())) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(name + " has no split " + split.name() + "; its splits are "
                + splits.stream().map(s -> s.split().name()).collect(Collectors.joining(", ")));
    }
}
