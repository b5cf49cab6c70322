package io.bertlab.glue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How GLUE turns metrics into scores. A task's score is the unweighted mean of its metrics; the GLUE score is the mean
 * of the nine tasks' scores, MNLI's being the mean of matched and mismatched, AX left out. (This reproduces the
 * leaderboard: BERT-base's test results give 78.3, BERT-large's 80.5.)
 */
final class GlueScore {

    /** The nine tasks of the GLUE score, in the paper's order, with MNLI's two evaluations and the diagnostic. */
    static final List<String> PAPER_ORDER = List.of("CoLA", "SST-2", "MRPC", "STS-B", "QQP", "MNLI-m", "MNLI-mm",
            "QNLI", "RTE", "WNLI", "AX");

    private static final List<String> SCORED = List.of("CoLA", "SST-2", "MRPC", "STS-B", "QQP", "MNLI", "QNLI",
            "RTE", "WNLI");

    private GlueScore() {
    }

    /** A task's position in the paper's tables (MNLI with MNLI-m), others after them. */
    static int paperOrder(String task) {
        int index = PAPER_ORDER.indexOf(task.equals("MNLI") ? "MNLI-m" : task);
        return index < 0 ? PAPER_ORDER.size() : index;
    }

    /** The unweighted mean of a task's metrics; NaN when one is NaN (an undefined correlation). */
    static double taskScore(Collection<Double> metrics) {
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("a task score needs at least one metric");
        }
        return metrics.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /**
     * The GLUE score of task scores keyed by the leaderboard's names ({@code MNLI-m}, {@code MNLI-mm}, ...), when
     * all nine tasks are present.
     *
     * @return the score on the tasks' scale, or empty when a task is missing
     */
    static OptionalDouble glueScore(Map<String, Double> taskScores) {
        List<Double> scores = new ArrayList<>();
        for (String task : SCORED) {
            if (task.equals("MNLI")) {
                Double matched = taskScores.get("MNLI-m");
                Double mismatched = taskScores.get("MNLI-mm");
                if (matched == null || mismatched == null) {
                    return OptionalDouble.empty();
                }
                scores.add((matched + mismatched) / 2);
            } else {
                Double score = taskScores.get(task);
                if (score == null) {
                    return OptionalDouble.empty();
                }
                scores.add(score);
            }
        }
        return scores.stream().mapToDouble(Double::doubleValue).average();
    }
}
