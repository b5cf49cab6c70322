package io.bertlab.glue.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.Metric;
import io.bertlab.api.glue.Prediction;
import io.bertlab.testing.SharedData;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every metric against scikit-learn and SciPy on the vectors of {@code testdata/references/glue-metrics/metrics.json}
 * (made by {@code make_metric_references.py}, see its README.md). Metrics are found through their declared
 * {@value Metric#METRIC} property, so a metric declared under a wrong name fails here too.
 */
class ReferenceValuesTest {

    /** Absolute tolerance, relative for values beyond 1 in magnitude (the huge-scale MSE is ~1e300). */
    private static final double TOLERANCE = 1e-9;

    private static JsonNode references;
    private static Map<String, Metric> metrics;

    @BeforeAll
    static void load() throws Exception {
        references = new ObjectMapper().readTree(SharedData.reference("glue-metrics/metrics.json").toFile());
        metrics = DeclaredMetrics.byName();
    }

    @TestFactory
    Stream<DynamicNode> matchesTheReferences() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (JsonNode testCase : references.get("cases")) {
            String name = testCase.get("name").asText();
            boolean regression = "regression".equals(testCase.get("kind").asText());
            List<Example> gold = new ArrayList<>();
            List<Prediction> predictions = new ArrayList<>();
            JsonNode goldValues = testCase.get("gold");
            JsonNode predictedValues = testCase.get("predicted");
            for (int i = 0; i < goldValues.size(); i++) {
                String id = name + "-" + i;
                if (regression) {
                    gold.add(new Example(id, "a", "b", Example.NO_LABEL, goldValues.get(i).doubleValue(), i + 1));
                    predictions.add(new Prediction(id, Example.NO_LABEL, predictedValues.get(i).doubleValue()));
                } else {
                    gold.add(new Example(id, "a", null, goldValues.get(i).intValue(), Double.NaN, i + 1));
                    predictions.add(new Prediction(id, predictedValues.get(i).intValue(), Double.NaN));
                }
            }
            List<DynamicTest> tests = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = testCase.get("expected").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                Metric metric = metric(entry.getKey());
                double expected = value(entry.getValue());
                tests.add(DynamicTest.dynamicTest(entry.getKey(),
                        () -> assertClose(expected, metric.compute(predictions, gold), name + " " + metric.name())));
            }
            JsonNode errors = testCase.get("errors");
            if (errors != null) {
                for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    Metric metric = metric(entry.getKey());
                    String reason = entry.getValue().asText();
                    tests.add(DynamicTest.dynamicTest(entry.getKey() + " raises",
                            () -> assertThrows(IllegalArgumentException.class,
                                    () -> metric.compute(predictions, gold),
                                    name + ": the reference raises ValueError: " + reason)));
                }
            }
            nodes.add(DynamicContainer.dynamicContainer(name, tests));
        }
        return nodes.stream();
    }

    @Test
    void everyDeclaredMetricHasReferenceValuesAndEveryReferencedMetricIsDeclared() {
        Set<String> referenced = new TreeSet<>();
        Set<String> withNaN = new TreeSet<>();
        for (JsonNode testCase : references.get("cases")) {
            testCase.get("expected").fields().forEachRemaining(e -> {
                referenced.add(e.getKey());
                if (Double.isNaN(value(e.getValue()))) {
                    withNaN.add(e.getKey());
                }
            });
        }
        assertEquals(metrics.keySet(), referenced);
        // The NaN paths of the correlations are exercised, not only their numbers.
        assertTrue(withNaN.containsAll(Set.of(PearsonCorrelation.NAME, SpearmanCorrelation.NAME)), withNaN::toString);
        assertFalse(references.get("versions").path("scikit-learn").asText().isEmpty(), "versions recorded");
    }

    private static Metric metric(String name) {
        Metric metric = metrics.get(name);
        if (metric == null) {
            fail("no component declares " + Metric.METRIC + "=" + name + "; declared: " + metrics.keySet());
        }
        return metric;
    }

    private static double value(JsonNode node) {
        if (node.isTextual()) {
            if (!"NaN".equals(node.asText())) {
                fail("unexpected text value " + node);
            }
            return Double.NaN;
        }
        return node.doubleValue();
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            assertEquals(Double.isNaN(expected), Double.isNaN(actual),
                    what + ": expected " + expected + " but was " + actual);
            return;
        }
        double tolerance = TOLERANCE * Math.max(1.0, Math.abs(expected));
        assertEquals(expected, actual, tolerance, what);
    }
}
