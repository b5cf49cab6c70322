package io.bertlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.analysis.AttentionMap;
import io.bertlab.api.analysis.HeadStatistics;
import io.bertlab.api.model.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The statistics of hand-built attention tensors whose expectations are worked out by hand below. Rows are the
 * attending tokens, columns the attended ones.
 */
class HeadPatternStatisticsTest {

    /**
     * The weights are 0, 1 and 0.25, exact in float, so every statistic is a short sum of exact values in double:
     * only the last few bits of a double can differ from the hand value.
     */
    private static final double EXACT = 1e-12;

    /** One-hot row of width n after Clark et al.'s smoothing: q = 0.9999 + 0.0001/n once, 0.0001/n n-1 times. */
    private static double oneHotEntropy(int n) {
        double peak = 0.9999 + 0.0001 / n;
        double rest = 0.0001 / n;
        return -(peak * Math.log(peak) + (n - 1) * rest * Math.log(rest));
    }

    /**
     * [CLS] hi , [SEP]: head 0 attends to the previous token ([CLS] to itself), head 1 uniformly.
     */
    private static AttentionMap first() {
        float[] w = {
            // head 0
            1, 0, 0, 0,
            1, 0, 0, 0,
            0, 1, 0, 0,
            0, 0, 1, 0,
            // head 1
            .25f, .25f, .25f, .25f,
            .25f, .25f, .25f, .25f,
            .25f, .25f, .25f, .25f,
            .25f, .25f, .25f, .25f,
        };
        return new AttentionMap(new String[] {"[CLS]", "hi", ",", "[SEP]"}, -1, Tensor.of(w, 1, 2, 4, 4));
    }

    /** [CLS] . [SEP]: head 0 attends to [SEP], head 1 to the full stop. */
    private static AttentionMap second() {
        float[] w = {
            0, 0, 1,
            0, 0, 1,
            0, 0, 1,
            0, 1, 0,
            0, 1, 0,
            0, 1, 0,
        };
        return new AttentionMap(new String[] {"[CLS]", ".", "[SEP]"}, -1, Tensor.of(w, 1, 2, 3, 3));
    }

    @Test
    void oneInputGivesItsRowMeans() {
        List<HeadStatistics> heads = new HeadPatternStatistics().analyze(List.of(first()));
        assertEquals(2, heads.size());
        Map<String, Double> h0 = heads.get(0).values();
        // rows 1..3 each put 1 on their previous token
        assertEquals(1.0, h0.get(HeadStatistics.PREVIOUS), EXACT);
        assertEquals(0.0, h0.get(HeadStatistics.NEXT), EXACT);
        // only row 0 attends to itself: 1/4
        assertEquals(0.25, h0.get(HeadStatistics.SELF), EXACT);
        // rows 0 and 1 put everything on [CLS]: 2/4
        assertEquals(0.5, h0.get(HeadStatistics.CLS), EXACT);
        assertEquals(0.0, h0.get(HeadStatistics.SEP), EXACT);
        // row 3 puts everything on the comma: 1/4
        assertEquals(0.25, h0.get(HeadStatistics.PUNCTUATION), EXACT);
        // four one-hot rows: about 8.6974e-4 nats each
        assertEquals(oneHotEntropy(4), h0.get(HeadStatistics.ENTROPY), EXACT);
        assertEquals(8.6974e-4, h0.get(HeadStatistics.ENTROPY), 1e-8, "hand value, rounded to 5 digits");
        assertEquals(Math.log(4), h0.get(HeadPatternStatistics.UNIFORM_ENTROPY), EXACT);

        Map<String, Double> h1 = heads.get(1).values();
        for (String s : List.of(HeadStatistics.PREVIOUS, HeadStatistics.NEXT, HeadStatistics.SELF, HeadStatistics.CLS,
                HeadStatistics.SEP, HeadStatistics.PUNCTUATION)) {
            assertEquals(0.25, h1.get(s), EXACT, s);
        }
        // smoothing leaves a uniform row uniform: 0.9999/4 + 0.0001/4 = 1/4, entropy ln 4
        assertEquals(Math.log(4), h1.get(HeadStatistics.ENTROPY), EXACT);

        assertEquals(List.of(HeadClasses.PREVIOUS), HeadClasses.of(heads.get(0)));
        assertEquals(List.of(), HeadClasses.of(heads.get(1)));
    }

    @Test
    void everyInputCountsOnceInTheMean() {
        List<HeadStatistics> heads = new HeadPatternStatistics().analyze(List.of(first(), second()));
        Map<String, Double> h0 = heads.get(0).values();
        // second input, head 0 (all on [SEP]): previous 0 (rows 1, 2), next (0 + 1)/2, self 1/3, sep 1
        assertEquals((1.0 + 0.0) / 2, h0.get(HeadStatistics.PREVIOUS), EXACT);
        assertEquals((0.0 + 0.5) / 2, h0.get(HeadStatistics.NEXT), EXACT);
        assertEquals((0.25 + 1.0 / 3) / 2, h0.get(HeadStatistics.SELF), EXACT);
        assertEquals((0.5 + 0.0) / 2, h0.get(HeadStatistics.CLS), EXACT);
        assertEquals((0.0 + 1.0) / 2, h0.get(HeadStatistics.SEP), EXACT);
        assertEquals((0.25 + 0.0) / 2, h0.get(HeadStatistics.PUNCTUATION), EXACT);
        assertEquals((oneHotEntropy(4) + oneHotEntropy(3)) / 2, h0.get(HeadStatistics.ENTROPY), EXACT);
        assertEquals((Math.log(4) + Math.log(3)) / 2, h0.get(HeadPatternStatistics.UNIFORM_ENTROPY), EXACT);

        Map<String, Double> h1 = heads.get(1).values();
        // second input, head 1 (all on "."): previous a[2][1] = 1 of 2 rows, next a[0][1] = 1 of 2, self 1/3
        assertEquals((0.25 + 0.5) / 2, h1.get(HeadStatistics.PREVIOUS), EXACT);
        assertEquals((0.25 + 0.5) / 2, h1.get(HeadStatistics.NEXT), EXACT);
        assertEquals((0.25 + 1.0 / 3) / 2, h1.get(HeadStatistics.SELF), EXACT);
        assertEquals((0.25 + 0.0) / 2, h1.get(HeadStatistics.CLS), EXACT);
        assertEquals((0.25 + 0.0) / 2, h1.get(HeadStatistics.SEP), EXACT);
        assertEquals((0.25 + 1.0) / 2, h1.get(HeadStatistics.PUNCTUATION), EXACT);
        assertEquals((Math.log(4) + oneHotEntropy(3)) / 2, h1.get(HeadStatistics.ENTROPY), EXACT);
        // 0.625 of head 1's attention goes to punctuation: above 0.6
        assertEquals(List.of(HeadClasses.PUNCTUATION), HeadClasses.of(heads.get(1)));
    }

    @Test
    void classThresholdsAreStrict() {
        HeadStatistics broad = new HeadStatistics(0, 0, Map.of(HeadStatistics.ENTROPY, 3.81,
                HeadStatistics.NEXT, 0.51, HeadStatistics.SEP, 0.6, HeadStatistics.CLS, 0.61));
        assertEquals(List.of(HeadClasses.BROAD, HeadClasses.NEXT, HeadClasses.CLS), HeadClasses.of(broad));
    }

    @Test
    void punctuationIsEveryAllPunctuationToken() {
        assertTrue(TokenKinds.isPunctuation("."));
        assertTrue(TokenKinds.isPunctuation("\""));
        assertTrue(TokenKinds.isPunctuation("##,"));
        assertTrue(TokenKinds.isPunctuation("..."));
        assertTrue(!TokenKinds.isPunctuation("[SEP]"));
        assertTrue(!TokenKinds.isPunctuation("a."));
        assertTrue(!TokenKinds.isPunctuation("$"), "a currency sign is a symbol, not punctuation");
    }

    @Test
    void reportsStateTheDirectionAndTheClasses() {
        List<HeadStatistics> heads = new HeadPatternStatistics().analyze(List.of(first()));
        String table = StatisticsReport.table(heads, 1);
        assertTrue(table.contains("row = attending token"), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("\\s+0\\s+0 .* previous")), table);
        String json = StatisticsReport.json(heads, 1);
        assertTrue(json.startsWith("{\"inputs\":1,\"direction\":\"row = attending token"), json);
        assertTrue(json.contains("\"previous\":1.0,") && json.contains("\"classes\":[\"previous\"]"), json);
    }

    @Test
    void mapsOfDifferentModelsDoNotMix() {
        AttentionMap twoLayers = new AttentionMap(new String[] {"[CLS]"}, -1, Tensor.of(new float[] {1, 1}, 2, 1, 1,
                1));
        assertThrows(IllegalArgumentException.class,
                () -> new HeadPatternStatistics().analyze(List.of(first(), twoLayers)));
        assertThrows(IllegalArgumentException.class, () -> new HeadPatternStatistics().analyze(List.of()));
    }
}
