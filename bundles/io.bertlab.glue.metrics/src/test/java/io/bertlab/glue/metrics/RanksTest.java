package io.bertlab.glue.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Properties of average ranks that hold for any input (the values themselves are checked against SciPy elsewhere). */
class RanksTest {

    @Test
    void averageRanksKeepOrderShareTiesAndSumToTheTriangularNumber() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(60);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(1 + trial % 10); // few distinct values: many ties
            }
            double[] ranks = Ranks.average(values);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += ranks[i];
                assertTrue(ranks[i] >= 1 && ranks[i] <= n);
                for (int j = 0; j < n; j++) {
                    assertEquals(Double.compare(values[i], values[j]), Double.compare(ranks[i], ranks[j]));
                }
            }
            assertEquals(n * (n + 1) / 2.0, sum, 1e-9);
        }
    }
}
