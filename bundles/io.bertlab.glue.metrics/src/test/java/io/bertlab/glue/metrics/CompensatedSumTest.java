package io.bertlab.glue.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The compensation is what the class is for: small terms beside a large one are not lost. */
class CompensatedSumTest {

    @Test
    void smallTermsBesideALargeOneAreKept() {
        CompensatedSum sum = new CompensatedSum();
        double plain = 0;
        double[] terms = new double[1002];
        terms[0] = 1e16;
        for (int i = 1; i <= 1000; i++) {
            terms[i] = 1.0;
        }
        terms[1001] = -1e16;
        for (double term : terms) {
            sum.add(term);
            plain += term;
        }
        // 1e16 + 1 rounds back to 1e16 in double: the plain loop loses every 1.
        assertNotEquals(1000.0, plain);
        assertEquals(1000.0, sum.value());
    }
}
