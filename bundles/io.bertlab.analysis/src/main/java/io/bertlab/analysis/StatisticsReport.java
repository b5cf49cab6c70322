package io.bertlab.analysis;

import io.bertlab.api.analysis.HeadStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints per-head statistics as a text table or as one JSON object, each head with its classes. */
public final class StatisticsReport {

    /** The direction convention, printed with every report so that numbers are never read the wrong way round. */
    public static final String DIRECTION = "row = attending token (query), column = attended token (key);"
            + " each row sums to 1";

    private StatisticsReport() {
    }

    /**
     * A fixed-width table: one line per head, layer-major, then a count of heads per class.
     *
     * @param statistics the heads, from {@link HeadPatternStatistics}
     * @param inputs how many inputs were averaged
     * @return the table, lines ending in {@code \n}
     */
    public static String table(List<HeadStatistics> statistics, int inputs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Attention statistics over %d inputs (%s)%n", inputs, DIRECTION));
        out.append(String.format(Locale.ROOT, "%5s %4s %8s %8s %8s %8s %8s %8s %8s %8s  %s%n", "layer", "head", "prev",
                "next", "self", "[CLS]", "[SEP]", "punct", "entropy", "ln n", "classes"));
        Map<String, Integer> perClass = new TreeMap<>();
        for (HeadStatistics s : statistics) {
            Map<String, Double> v = s.values();
            List<String> classes = HeadClasses.of(s);
            classes.forEach(c -> perClass.merge(c, 1, Integer::sum));
            out.append(String.format(Locale.ROOT, "%5d %4d %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f %8.4f  %s%n",
                    s.layer(), s.head(), v.get(HeadStatistics.PREVIOUS), v.get(HeadStatistics.NEXT),
                    v.get(HeadStatistics.SELF), v.get(HeadStatistics.CLS), v.get(HeadStatistics.SEP),
                    v.get(HeadStatistics.PUNCTUATION), v.get(HeadStatistics.ENTROPY),
                    v.get(HeadPatternStatistics.UNIFORM_ENTROPY), classes.isEmpty() ? "-" : String.join(",", classes)));
        }
        out.append(String.format(Locale.ROOT, "heads per class (broad: entropy > %.1f nats; previous/next: > %.1f;"
                + " cls/sep/punctuation: > %.1f): %s%n", HeadClasses.BROAD_ENTROPY, HeadClasses.POSITIONAL,
                HeadClasses.TOKEN_KIND, perClass.isEmpty() ? "none" : perClass.toString().replaceAll("[{}]", "")));
        return out.toString();
    }

    /**
     * One JSON object: {@code inputs}, {@code direction}, the class thresholds, and {@code heads}, an array of
     * objects with {@code layer}, {@code head}, every statistic and {@code classes}.
     *
     * @param statistics the heads
     * @param inputs how many inputs were averaged
     * @return the JSON text, one line
     */
    public static String json(List<HeadStatistics> statistics, int inputs) {
        StringBuilder out = new StringBuilder();
        out.append("{\"inputs\":").append(inputs).append(",\"direction\":\"").append(DIRECTION).append('"');
        out.append(String.format(Locale.ROOT, ",\"thresholds\":{\"broad_entropy\":%s,\"positional\":%s,"
                + "\"token_kind\":%s}", HeadClasses.BROAD_ENTROPY, HeadClasses.POSITIONAL, HeadClasses.TOKEN_KIND));
        out.append(",\"heads\":[");
        for (int k = 0; k < statistics.size(); k++) {
            HeadStatistics s = statistics.get(k);
            out.append(k == 0 ? "" : ",").append("{\"layer\":").append(s.layer()).append(",\"head\":")
                    .append(s.head());
            for (Map.Entry<String, Double> e : s.values().entrySet()) {
                out.append(",\"").append(e.getKey()).append("\":").append(number(e.getValue()));
            }
            out.append(",\"classes\":[");
            List<String> classes = HeadClasses.of(s);
            for (int c = 0; c < classes.size(); c++) {
                out.append(c == 0 ? "" : ",").append('"').append(classes.get(c)).append('"');
            }
            out.append("]}");
        }
        return out.append("]}").toString();
    }

    /** JSON has no NaN: a statistic no input had (e.g. previous, over one-token inputs) is null. */
    private static String number(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "null";
    }
}
