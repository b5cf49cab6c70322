package io.bertlab.glue.metrics;

import java.util.Arrays;
import java.util.Comparator;

/** Ranks of values as SciPy's {@code rankdata(method='average')}: 1-based, ties sharing the mean of their ranks. */
final class Ranks {

    private Ranks() {
    }

    /**
     * The average ranks of values.
     *
     * @param values the values (finite)
     * @return for each value its rank in 1..n; tied values get the mean of the ranks they span, e.g. 2.5 for two
     *         values tied for ranks 2 and 3
     */
    static double[] average(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        int start = 0;
        while (start < n) {
            int end = start + 1;
            while (end < n && values[order[end]] == values[order[start]]) {
                end++;
            }
            // Positions start..end-1 (0-based) are ranks start+1..end; their mean is (start + 1 + end) / 2.
            double rank = (start + 1 + end) / 2.0;
            for (int i = start; i < end; i++) {
                ranks[order[i]] = rank;
            }
            start = end;
        }
        return ranks;
    }
}
