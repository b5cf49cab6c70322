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
     * The task's name as GLUE spells it (and as its submission file is named), e.g. {@code MRPC}.
     *
     * @return e.g. {@code MRPC}
     */
    String name();

    /**
     * The folder, under a data root, that holds the task's files. GLUE's tasks each have their own ({@code RTE},
     * {@code STS-B}); tasks that share one dataset share its folder (ASSIN2's entailment and similarity tasks).
     *
     * @return the folder's name, by default {@link #name()}
     */
    default String dataFolder() {
        return name();
    }

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
     * The task's official metrics by name, the first being the one the leaderboard ranks by (and the one a runner
     * keeps the best checkpoint by). Each name is that of a {@link Metric} service ({@value Metric#METRIC}), so a task
     * names what it is scored by and one implementation of each metric serves every task; the standard names are
     * those of {@link Metric#name()}.
     *
     * @return e.g. {@code [f1, accuracy]} for MRPC, {@code [matthews_correlation]} for CoLA
     */
    List<String> metrics();

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
