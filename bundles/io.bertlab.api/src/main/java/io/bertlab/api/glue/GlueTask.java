package io.bertlab.api.glue;

import io.bertlab.api.model.HeadSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One GLUE task (CoLA, SST-2, MRPC, QQP, STS-B, MNLI, QNLI, RTE, WNLI, AX), registered as a service with
 * {@value #TASK} set to its {@link #name()}.
 */
@ProviderType
public interface GlueTask {

    /** Service property naming the task as GLUE spells it, e.g. {@code RTE}, {@code STS-B}. */
    String TASK = "bertlab.glue.task";

    /**
     * The task's name as GLUE spells it, also its data folder's name.
     *
     * @return e.g. {@code MRPC}
     */
    String name();

    /**
     * Whether examples are sentence pairs.
     *
     * @return true for pair tasks (MRPC, QQP, STS-B, MNLI, QNLI, RTE, WNLI, AX)
     */
    boolean pair();

    /**
     * The labels of a classification task in index order, as they appear in the data and the submission files.
     *
     * @return e.g. {@code [entailment, not_entailment]}; empty for regression (STS-B)
     */
    List<String> labels();

    /**
     * The head this task fine-tunes.
     *
     * @return {@link HeadSpec.Classification} with {@code labels().size()} labels, or {@link HeadSpec.Regression}
     */
    HeadSpec head();

    /**
     * The splits of the task, e.g. {@code train}, {@code dev}, {@code test}; MNLI has {@code dev_matched} and
     * {@code dev_mismatched}.
     *
     * @return the splits in the order they are usually run
     */
    List<Split> splits();

    /**
     * Reads one split from the task's folder as GLUE distributes it (TSV, split on tabs, no quoting).
     * Malformed rows are kept as {@link RowProblem}s in the dataset, never silently dropped.
     *
     * @param taskDirectory the folder holding the task's files, e.g. {@code glue/RTE}
     * @param split one of {@link #splits()}
     * @return the examples and the problems found
     * @throws IOException when the file cannot be read (the message names it)
     */
    Dataset read(Path taskDirectory, Split split) throws IOException;

    /**
     * The task's official metrics, the first being the one the leaderboard ranks by.
     *
     * @return e.g. {@code [f1, accuracy]} for MRPC, {@code [matthews_correlation]} for CoLA
     */
    List<Metric> metrics();

    /**
     * Writes the predictions of a test split in the leaderboard's format ({@code index\tprediction}).
     *
     * @param split the split predicted
     * @param predictions one per example, in the dataset's order
     * @param directory the submission folder; the file gets the leaderboard's name (e.g. {@code RTE.tsv})
     * @return the file written
     * @throws IOException when it cannot be written
     */
    Path writeSubmission(Split split, List<Prediction> predictions, Path directory) throws IOException;
}
