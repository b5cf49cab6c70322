package io.bertlab.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class GlueScoreTest {

    /** BERT-base's GLUE test results as the leaderboard lists them (two-metric tasks as F1/accuracy etc.). */
    private static Map<String, Double> bertBase() {
        Map<String, Double> scores = new HashMap<>();
        scores.put("CoLA", 52.1);
        scores.put("SST-2", 93.5);
        scores.put("MRPC", GlueScore.taskScore(List.of(88.9, 84.8)));
        scores.put("STS-B", GlueScore.taskScore(List.of(87.1, 85.8)));
        scores.put("QQP", GlueScore.taskScore(List.of(71.2, 89.2)));
        scores.put("MNLI-m", 84.6);
        scores.put("MNLI-mm", 83.4);
        scores.put("QNLI", 90.5);
        scores.put("RTE", 66.4);
        scores.put("WNLI", 65.1);
        return scores;
    }

    private static Map<String, Double> bertLarge() {
        Map<String, Double> scores = new HashMap<>();
        scores.put("CoLA", 60.5);
        scores.put("SST-2", 94.9);
        scores.put("MRPC", GlueScore.taskScore(List.of(89.3, 85.4)));
        scores.put("STS-B", GlueScore.taskScore(List.of(87.6, 86.5)));
        scores.put("QQP", GlueScore.taskScore(List.of(72.1, 89.3)));
        scores.put("MNLI-m", 86.7);
        scores.put("MNLI-mm", 85.9);
        scores.put("QNLI", 92.7);
        scores.put("RTE", 70.1);
        scores.put("WNLI", 65.1);
        return scores;
    }

    private static double oneDecimal(OptionalDouble score) {
        assertTrue(score.isPresent(), "no score");
        return Math.round(score.getAsDouble() * 10) / 10.0;
    }

    @Test
    void bertBaseTestResultsGiveTheLeaderboardScore() {
        assertEquals(78.3, oneDecimal(GlueScore.glueScore(bertBase())));
    }

    @Test
    void bertLargeTestResultsGiveTheLeaderboardScore() {
        assertEquals(80.5, oneDecimal(GlueScore.glueScore(bertLarge())));
    }

    @Test
    void theDiagnosticAndOtherTasksDoNotCount() {
        Map<String, Double> scores = bertBase();
        scores.put("AX", 34.2);
        scores.put("ASSIN2-RTE", 10.0);
        assertEquals(78.3, oneDecimal(GlueScore.glueScore(scores)));
    }

    @Test
    void aMissingTaskGivesNoScore() {
        for (String task : List.of("CoLA", "SST-2", "MRPC", "STS-B", "QQP", "MNLI-m", "MNLI-mm", "QNLI", "RTE",
                "WNLI")) {
            Map<String, Double> scores = bertBase();
            scores.remove(task);
            assertEquals(OptionalDouble.empty(), GlueScore.glueScore(scores), "without " + task);
        }
        assertEquals(OptionalDouble.empty(), GlueScore.glueScore(Map.of()));
        // MNLI under its own name is not the leaderboard's two entries
        Map<String, Double> scores = bertBase();
        scores.remove("MNLI-m");
        scores.remove("MNLI-mm");
        scores.put("MNLI", 84.0);
        assertEquals(OptionalDouble.empty(), GlueScore.glueScore(scores));
    }

    @Test
    void taskScoreIsTheUnweightedMeanAndNeedsAMetric() {
        assertEquals(86.85, GlueScore.taskScore(List.of(88.9, 84.8)), 1e-12);
        assertEquals(0.5, GlueScore.taskScore(List.of(0.5)));
        assertTrue(Double.isNaN(GlueScore.taskScore(List.of(0.5, Double.NaN))));
        assertThrows(IllegalArgumentException.class, () -> GlueScore.taskScore(List.of()));
    }

    @Test
    void paperOrderPutsMnliWithMnliMatchedAndOtherTasksLast() {
        assertEquals(0, GlueScore.paperOrder("CoLA"));
        assertEquals(GlueScore.paperOrder("MNLI-m"), GlueScore.paperOrder("MNLI"));
        assertTrue(GlueScore.paperOrder("QQP") < GlueScore.paperOrder("MNLI"));
        assertTrue(GlueScore.paperOrder("MNLI") < GlueScore.paperOrder("QNLI"));
        assertTrue(GlueScore.paperOrder("WNLI") < GlueScore.paperOrder("AX"));
        assertEquals(GlueScore.PAPER_ORDER.size(), GlueScore.paperOrder("ASSIN2-RTE"));
    }

    @Test
    void installedTasksAreListedInThePapersOrder() {
        GlueServices services = new GlueServices();
        List<String> shuffled = List.of("WNLI", "AX", "QNLI", "MNLI", "CoLA", "RTE", "SST-2", "QQP", "STS-B", "MRPC");
        shuffled.forEach(name -> services.addTask(InstalledGlue.task(name)));
        assertEquals(List.of("CoLA", "SST-2", "MRPC", "STS-B", "QQP", "MNLI", "QNLI", "RTE", "WNLI", "AX"),
                services.tasks().stream().map(t -> t.name()).toList());
    }
}
