package io.bertlab.analysis;

import io.bertlab.api.analysis.SelfAttentionTrace;
import io.bertlab.api.model.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints a {@link SelfAttentionTrace} with its projections as labelled matrices, in the order they are computed:
 * X, W_Q, W_K, W_V, Q, K, V, then per head Q_h K_hᵀ, the scaled scores, their softmax and the weighted sum of V_h,
 * then the concatenation and the output projection. As text, or as a self-contained HTML page (no scripts, styles
 * inline) where the softmax matrices are shaded by value.
 */
public final class TraceReport {

    /** One labelled matrix; {@code probabilities} marks rows that sum to 1 (shaded in HTML). */
    private record Step(String title, String note, float[][] matrix, String[] rowLabels, String[] columnLabels,
            boolean probabilities) {
    }

    private TraceReport() {
    }

    /**
     * The trace as text.
     *
     * @param trace the trace
     * @param weights the projections it used
     * @param seed the seed, for the heading
     * @return lines ending in {@code \n}
     */
    public static String text(SelfAttentionTrace trace, SelfAttentionTracer.Weights weights, long seed) {
        StringBuilder out = new StringBuilder();
        out.append(heading(trace, seed)).append('\n');
        for (Step step : steps(trace, weights)) {
            out.append('\n').append(step.title()).append("  ").append(shape(step.matrix()));
            if (!step.note().isEmpty()) {
                out.append("  ").append(step.note());
            }
            out.append('\n');
            out.append(String.format(Locale.ROOT, "%6s", ""));
            for (String c : step.columnLabels()) {
                out.append(String.format(Locale.ROOT, " %8s", c));
            }
            out.append('\n');
            for (int i = 0; i < step.matrix().length; i++) {
                out.append(String.format(Locale.ROOT, "%6s", step.rowLabels()[i]));
                for (float v : step.matrix()[i]) {
                    out.append(String.format(Locale.ROOT, " %8.4f", v));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The trace as one self-contained HTML page.
     *
     * @param trace the trace
     * @param weights the projections it used
     * @param seed the seed, for the heading
     * @return a complete HTML document
     */
    public static String html(SelfAttentionTrace trace, SelfAttentionTracer.Weights weights, long seed) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Self-attention step by step"
                + "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
                + "table{border-collapse:collapse;margin:.3em 0 1.2em}td,th{border:1px solid #ccc;padding:.2em .5em;"
                + "text-align:right;font-family:monospace}th{background:#f4f4f4}h2{font-size:1.05em;margin-bottom:0}"
                + "p.note{color:#555;margin:.2em 0}</style></head><body>\n");
        out.append("<h1>Self-attention step by step</h1>\n<p>").append(escape(heading(trace, seed))).append("</p>\n");
        for (Step step : steps(trace, weights)) {
            out.append("<h2>").append(escape(step.title())).append(" <small>").append(shape(step.matrix()))
                    .append("</small></h2>\n");
            if (!step.note().isEmpty()) {
                out.append("<p class=\"note\">").append(escape(step.note())).append("</p>\n");
            }
            out.append("<table><tr><th></th>");
            for (String c : step.columnLabels()) {
                out.append("<th>").append(escape(c)).append("</th>");
            }
            out.append("</tr>\n");
            for (int i = 0; i < step.matrix().length; i++) {
                out.append("<tr><th>").append(escape(step.rowLabels()[i])).append("</th>");
                for (float v : step.matrix()[i]) {
                    String style = step.probabilities() ? String.format(Locale.ROOT,
                            " style=\"background:rgba(30,100,200,%.3f)\"", v * 0.8) : "";
                    out.append("<td").append(style).append('>').append(String.format(Locale.ROOT, "%.4f", v))
                            .append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</table>\n");
        }
        return out.append("</body></html>\n").toString();
    }

    private static String heading(SelfAttentionTrace trace, long seed) {
        int n = trace.input().dim(0);
        int d = trace.input().dim(1);
        int h = trace.queries().dim(0);
        return String.format(Locale.ROOT, "Self-attention of %d tokens, model width d = %d, %d heads of width d/h = %d,"
                + " seed %d. Rows are tokens: row i of a score or softmax matrix is token i attending (query),"
                + " column j the token attended (key). Projections act on the right (X W) and have no biases.",
                n, d, h, d / h, seed);
    }

    private static List<Step> steps(SelfAttentionTrace trace, SelfAttentionTracer.Weights weights) {
        int n = trace.input().dim(0);
        int d = trace.input().dim(1);
        int heads = trace.queries().dim(0);
        int dh = d / heads;
        String[] tokens = labels("t", n);
        String[] features = labels("", d);
        String[] headFeatures = labels("", dh);
        List<Step> steps = new ArrayList<>();
        float[][] x = rows(trace.input());
        steps.add(new Step("X, the input", "one row per token", x, tokens, features, false));
        steps.add(new Step("W_Q", "seeded random", weights.query(), features, features, false));
        steps.add(new Step("W_K", "seeded random", weights.key(), features, features, false));
        steps.add(new Step("W_V", "seeded random", weights.value(), features, features, false));
        steps.add(new Step("Q = X W_Q", "heads take consecutive blocks of " + dh + " columns",
                concatenate(trace.queries()), tokens, features, false));
        steps.add(new Step("K = X W_K", "", concatenate(trace.keys()), tokens, features, false));
        steps.add(new Step("V = X W_V", "", concatenate(trace.values()), tokens, features, false));
        double root = Math.sqrt(dh);
        for (int h = 0; h < heads; h++) {
            float[][] q = block(trace.queries(), h);
            float[][] k = block(trace.keys(), h);
            float[][] kT = new float[dh][n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < dh; c++) {
                    kT[c][i] = k[i][c];
                }
            }
            String p = "head " + h + ": ";
            steps.add(new Step(p + "Q_" + h, "", q, tokens, headFeatures, false));
            steps.add(new Step(p + "K_" + h, "", k, tokens, headFeatures, false));
            steps.add(new Step(p + "V_" + h, "", block(trace.values(), h), tokens, headFeatures, false));
            steps.add(new Step(p + "Q_" + h + " K_" + h + "^T", "dot product of every query with every key",
                    SelfAttentionTracer.multiply(q, kT), tokens, tokens, false));
            steps.add(new Step(p + "scaled scores", String.format(Locale.ROOT, "divided by sqrt(%d) = %.4f", dh, root),
                    block(trace.scores(), h), tokens, tokens, false));
            steps.add(new Step(p + "softmax", "row-wise: each row sums to 1", block(trace.probabilities(), h),
                    tokens, tokens, true));
            steps.add(new Step(p + "weighted sum softmax V_" + h, "each token's average of the values",
                    block(trace.headOutputs(), h), tokens, headFeatures, false));
        }
        float[][] concatenated = concatenate(trace.headOutputs());
        steps.add(new Step("concatenation of the heads", "", concatenated, tokens, features, false));
        steps.add(new Step("W_O", "seeded random", weights.output(), features, features, false));
        steps.add(new Step("output = concatenation W_O", "", rows(trace.output()), tokens, features, false));
        return steps;
    }

    private static String[] labels(String prefix, int count) {
        String[] labels = new String[count];
        for (int i = 0; i < count; i++) {
            labels[i] = prefix + i;
        }
        return labels;
    }

    private static float[][] rows(Tensor t) {
        float[][] m = new float[t.dim(0)][];
        for (int i = 0; i < m.length; i++) {
            m[i] = t.vector(i);
        }
        return m;
    }

    private static float[][] block(Tensor perHead, int h) {
        float[][] m = new float[perHead.dim(1)][];
        for (int i = 0; i < m.length; i++) {
            m[i] = perHead.vector(h, i);
        }
        return m;
    }

    /** {@code [h, n, dh]} side by side as {@code [n, h·dh]}: the heads' blocks of columns. */
    private static float[][] concatenate(Tensor perHead) {
        int heads = perHead.dim(0);
        int n = perHead.dim(1);
        int dh = perHead.dim(2);
        float[][] m = new float[n][heads * dh];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < n; i++) {
                System.arraycopy(perHead.vector(h, i), 0, m[i], h * dh, dh);
            }
        }
        return m;
    }

    private static String shape(float[][] m) {
        return "[" + m.length + " x " + m[0].length + "]";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
