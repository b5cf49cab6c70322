package io.bertlab.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.glue.Split;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionFilesTest {

    /** The files of a GLUE submission zip, in the leaderboard's order. */
    static final List<String> ELEVEN = List.of("CoLA.tsv", "SST-2.tsv", "MRPC.tsv", "STS-B.tsv", "QQP.tsv",
            "MNLI-m.tsv", "MNLI-mm.tsv", "QNLI.tsv", "RTE.tsv", "WNLI.tsv", "AX.tsv");

    /** The official test set sizes, one prediction each. */
    private static final Map<String, Integer> TEST_ROWS = Map.ofEntries(Map.entry("CoLA.tsv", 1063),
            Map.entry("SST-2.tsv", 1821), Map.entry("MRPC.tsv", 1725), Map.entry("STS-B.tsv", 1379),
            Map.entry("QQP.tsv", 390965), Map.entry("MNLI-m.tsv", 9796), Map.entry("MNLI-mm.tsv", 9847),
            Map.entry("QNLI.tsv", 5463), Map.entry("RTE.tsv", 3000), Map.entry("WNLI.tsv", 146),
            Map.entry("AX.tsv", 1104));

    @TempDir
    Path dir;

    @Test
    void theElevenFilesInTheLeaderboardsOrder() {
        assertEquals(ELEVEN, List.copyOf(SubmissionFiles.EXPECTED.keySet()));
    }

    @Test
    void mnliAndTheDiagnosticComeFromMnli() {
        assertEquals(new SubmissionFiles.Source("MNLI", "test_matched", "MNLI"), SubmissionFiles.EXPECTED.get(
                "MNLI-m.tsv"));
        assertEquals(new SubmissionFiles.Source("MNLI", "test_mismatched", "MNLI"), SubmissionFiles.EXPECTED.get(
                "MNLI-mm.tsv"));
        assertEquals(new SubmissionFiles.Source("AX", "test", "MNLI"), SubmissionFiles.EXPECTED.get("AX.tsv"));
        assertEquals(new SubmissionFiles.Source("RTE", "test", "RTE"), SubmissionFiles.EXPECTED.get("RTE.tsv"));
    }

    /** Each source names a real task's unlabelled split whose submission file is the one expected. */
    @Test
    void eachSourceIsARealTestSplitWritingThatFile() throws IOException {
        for (Map.Entry<String, SubmissionFiles.Source> entry : SubmissionFiles.EXPECTED.entrySet()) {
            SubmissionFiles.Source source = entry.getValue();
            GlueTask task = InstalledGlue.task(source.task());
            Split split = TaskData.split(task, source.split());
            assertFalse(split.labelled(), entry.getKey() + ": " + split);
            GlueTask trainTask = InstalledGlue.task(source.trainTask());
            assertTrue(trainTask.splits().stream().anyMatch(s -> s.name().equals("train") && s.labelled()),
                    entry.getKey());
            assertEquals(task.labels(), trainTask.labels(), entry.getKey() + ": majority labels from another task");

            int rows = TEST_ROWS.get(entry.getKey());
            List<Prediction> predictions = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                predictions.add(task.labels().isEmpty() ? new Prediction(Integer.toString(i), -1, 2.5)
                        : new Prediction(Integer.toString(i), 0, Double.NaN));
            }
            Path written = task.writeSubmission(split, predictions, dir);
            assertEquals(dir.resolve(entry.getKey()), written);
        }
    }
}
