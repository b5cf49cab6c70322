package io.bertlab.glue.metrics;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.Metric;
import io.bertlab.api.glue.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every metric refuses inputs it cannot score, with a message that says which and why. */
class InputValidationTest {

    private static Map<String, Metric> metrics;

    @BeforeAll
    static void load() throws Exception {
        metrics = DeclaredMetrics.byName();
    }

    private static boolean regression(Metric metric) {
        return metric instanceof RegressionMetric;
    }

    /** Well-formed examples for the metric's kind, with labels and scores that vary. */
    private static List<Example> gold(Metric metric, int n) {
        List<Example> gold = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            gold.add(regression(metric)
                    ? new Example("ex" + i, "a", "b", Example.NO_LABEL, i * 0.5, i + 2)
                    : new Example("ex" + i, "a", null, i % 2, Double.NaN, i + 2));
        }
        return gold;
    }

    private static List<Prediction> predictions(Metric metric, int n) {
        List<Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            predictions.add(regression(metric)
                    ? new Prediction("ex" + i, Example.NO_LABEL, n - i)
                    : new Prediction("ex" + i, (i / 2) % 2, Double.NaN));
        }
        return predictions;
    }

    private static void assertRefused(Metric metric, Executable call,
            String... messageParts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, metric.name());
        for (String part : messageParts) {
            assertTrue(e.getMessage().contains(part), metric.name() + ": '" + e.getMessage() + "' lacks '" + part + "'");
        }
    }

    @Test
    void wellFormedInputIsAccepted() {
        for (Metric metric : metrics.values()) {
            double value = metric.compute(predictions(metric, 6), gold(metric, 6));
            assertTrue(Double.isFinite(value), metric.name() + " = " + value);
        }
    }

    @Test
    void listsOfDifferentLengthAreRefused() {
        for (Metric metric : metrics.values()) {
            assertRefused(metric, () -> metric.compute(predictions(metric, 5), gold(metric, 6)), "5", "6");
        }
    }

    @Test
    void emptyListsAreRefused() {
        for (Metric metric : metrics.values()) {
            assertRefused(metric, () -> metric.compute(List.of(), List.of()), "no examples");
        }
    }

    @Test
    void goldWithoutLabelOrScoreIsRefusedNamingTheExample() {
        for (Metric metric : metrics.values()) {
            List<Example> gold = gold(metric, 6);
            Example good = gold.get(3);
            // A regression metric on classification gold and vice versa: the example has no usable value.
            gold.set(3, new Example("the-odd-one", good.textA(), good.textB(),
                    regression(metric) ? 1 : Example.NO_LABEL, regression(metric) ? Double.NaN : 2.5, 42));
            assertRefused(metric, () -> metric.compute(predictions(metric, 6), gold), "the-odd-one", "42");
        }
    }

    @Test
    void predictionWithoutLabelOrScoreIsRefusedNamingTheExample() {
        for (Metric metric : metrics.values()) {
            List<Prediction> predictions = predictions(metric, 6);
            predictions.set(2, new Prediction("pred-two", Example.NO_LABEL, Double.NaN));
            assertRefused(metric, () -> metric.compute(predictions, gold(metric, 6)), "pred-two");
        }
    }

    @Test
    void infiniteScoresAreRefused() {
        for (Metric metric : metrics.values()) {
            if (regression(metric)) {
                List<Prediction> predictions = predictions(metric, 6);
                predictions.set(1, new Prediction("ex1", Example.NO_LABEL, Double.POSITIVE_INFINITY));
                assertRefused(metric, () -> metric.compute(predictions, gold(metric, 6)), "ex1");
            }
        }
    }
}
