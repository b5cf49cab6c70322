package io.bertlab.analysis;

import io.bertlab.api.analysis.AttentionMap;
import io.bertlab.api.analysis.AttentionPatterns;
import io.bertlab.api.analysis.HeadStatistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/**
 * Per-head attention-pattern statistics as Clark et al. 2019 ("What Does BERT Look At?", their
 * {@code General_Analysis} notebook) compute them. Row {@code i} of a head is the distribution of attending token
 * {@code i} over the attended tokens (columns). For each input, a statistic is the mean over the rows that have it:
 * <ul>
 * <li>{@value HeadStatistics#PREVIOUS}: {@code a[i][i-1]} over rows 1..n-1; {@value HeadStatistics#NEXT}:
 * {@code a[i][i+1]} over rows 0..n-2; {@value HeadStatistics#SELF}: {@code a[i][i]};</li>
 * <li>{@value HeadStatistics#CLS}, {@value HeadStatistics#SEP}, {@value HeadStatistics#PUNCTUATION}: the row's total
 * attention to every token of that kind;</li>
 * <li>{@value HeadStatistics#ENTROPY}: {@code -sum q log q} in nats of the row smoothed as in the paper,
 * {@code q = 0.9999 p + 0.0001 / n} (so that {@code log 0} never occurs), and {@value #UNIFORM_ENTROPY}: {@code ln n},
 * the entropy of attending to every token equally, its upper bound.</li>
 * </ul>
 * then each input counts once in the mean over inputs (long inputs do not outweigh short ones).
 */
@Component(service = AttentionPatterns.class)
public class HeadPatternStatistics implements AttentionPatterns {

    /** The entropy of uniform attention, {@code ln n}, averaged like the others: the scale of the entropy. */
    public static final String UNIFORM_ENTROPY = "uniform-entropy";

    /** The statistics in the order tables and JSON show them. */
    public static final List<String> NAMES = List.of(HeadStatistics.PREVIOUS, HeadStatistics.NEXT,
            HeadStatistics.SELF, HeadStatistics.CLS, HeadStatistics.SEP, HeadStatistics.PUNCTUATION,
            HeadStatistics.ENTROPY, UNIFORM_ENTROPY);

    private static final int PREVIOUS = 0;
    private static final int NEXT = 1;
    private static final int SELF = 2;
    private static final int CLS = 3;
    private static final int SEP = 4;
    private static final int PUNCTUATION = 5;
    private static final int ENTROPY = 6;
    private static final int UNIFORM = 7;

    /** Clark et al.'s smoothing weight: {@code q = (1 - SMOOTHING) p + SMOOTHING / n}. */
    static final double SMOOTHING = 1e-4;

    @Override
    public List<HeadStatistics> analyze(List<AttentionMap> maps) {
        Objects.requireNonNull(maps, "maps");
        Accumulator accumulator = new Accumulator();
        maps.forEach(accumulator::add);
        return accumulator.result();
    }

    /**
     * Sums the statistics of inputs one at a time, so that a large corpus never holds all its attention maps at
     * once. Not thread-safe.
     */
    public static final class Accumulator {

        private int layers = -1;
        private int heads;
        private double[][] sums;
        private final int[] counts = new int[NAMES.size()];
        private int inputs;

        /**
         * Adds one input.
         *
         * @param map its attention
         * @throws IllegalArgumentException when its layers or heads differ from the first input's
         */
        public void add(AttentionMap map) {
            Objects.requireNonNull(map, "map");
            if (layers < 0) {
                layers = map.layers();
                heads = map.heads();
                sums = new double[layers * heads][NAMES.size()];
            } else if (map.layers() != layers || map.heads() != heads) {
                throw new IllegalArgumentException("all maps must have " + layers + " layers of " + heads
                        + " heads, got " + map.layers() + " of " + map.heads());
            }
            HeadPatternStatistics.add(map, sums, counts);
            inputs++;
        }

        /** @return how many inputs were added */
        public int inputs() {
            return inputs;
        }

        /**
         * The mean of each statistic over the inputs that had it.
         *
         * @return one entry per layer and head, layer-major
         * @throws IllegalArgumentException when no input was added
         */
        public List<HeadStatistics> result() {
            if (inputs == 0) {
                throw new IllegalArgumentException("no attention maps to analyze");
            }
            List<HeadStatistics> result = new ArrayList<>(layers * heads);
            for (int l = 0; l < layers; l++) {
                for (int h = 0; h < heads; h++) {
                    Map<String, Double> values = new LinkedHashMap<>();
                    for (int s = 0; s < NAMES.size(); s++) {
                        values.put(NAMES.get(s), counts[s] == 0 ? Double.NaN : sums[l * heads + h][s] / counts[s]);
                    }
                    result.add(new HeadStatistics(l, h, values));
                }
            }
            return result;
        }
    }

    /** Adds one input's per-row means to every head's sums; counts how many inputs had each statistic. */
    private static void add(AttentionMap map, double[][] sums, int[] counts) {
        String[] tokens = map.tokens();
        int n = tokens.length;
        boolean[] cls = new boolean[n];
        boolean[] sep = new boolean[n];
        boolean[] punctuation = new boolean[n];
        for (int j = 0; j < n; j++) {
            cls[j] = TokenKinds.isCls(tokens[j]);
            sep[j] = TokenKinds.isSep(tokens[j]);
            punctuation[j] = TokenKinds.isPunctuation(tokens[j]);
        }
        float[] w = map.weights().toArray();
        int heads = map.heads();
        for (int lh = 0; lh < map.layers() * heads; lh++) {
            int base = lh * n * n;
            double[] s = sums[lh];
            double previous = 0;
            double next = 0;
            double self = 0;
            double toCls = 0;
            double toSep = 0;
            double toPunctuation = 0;
            double entropy = 0;
            for (int i = 0; i < n; i++) {
                int row = base + i * n;
                if (i > 0) {
                    previous += w[row + i - 1];
                }
                if (i < n - 1) {
                    next += w[row + i + 1];
                }
                self += w[row + i];
                for (int j = 0; j < n; j++) {
                    double p = w[row + j];
                    toCls += cls[j] ? p : 0;
                    toSep += sep[j] ? p : 0;
                    toPunctuation += punctuation[j] ? p : 0;
                    double q = (1 - SMOOTHING) * p + SMOOTHING / n;
                    entropy -= q * Math.log(q);
                }
            }
            if (n > 1) {
                s[PREVIOUS] += previous / (n - 1);
                s[NEXT] += next / (n - 1);
            }
            s[SELF] += self / n;
            s[CLS] += toCls / n;
            s[SEP] += toSep / n;
            s[PUNCTUATION] += toPunctuation / n;
            s[ENTROPY] += entropy / n;
            s[UNIFORM] += Math.log(n);
        }
        for (int k = 0; k < counts.length; k++) {
            counts[k] += (k == PREVIOUS || k == NEXT) && n < 2 ? 0 : 1;
        }
    }
}
