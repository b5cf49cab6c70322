package io.bertlab.analysis.attribution;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.analysis.attribution.ExplainCommand.Explanation;
import io.bertlab.api.analysis.Attribution;
import io.bertlab.api.analysis.AttributionMethod;
import java.util.Locale;

/** The explain command's output, as a table or JSON. */
final class ExplainReport {

    private ExplainReport() {
    }

    static String table(Explanation e) {
        Attribution a = e.attribution();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Integrated Gradients: %s, %d %s steps, baseline %s%n",
                e.model(), a.steps(), rule(e.rule()), baseline(e.baseline())));
        if (e.head().regression()) {
            out.append(String.format(Locale.ROOT, "%s regression head: output %.4f%n", e.head().task(),
                    e.outputs()[0]));
        } else {
            double[] p = Integrator.softmax(e.outputs());
            out.append(String.format(Locale.ROOT, "%s: predicted %s (p = %.4f); explained: %s%n", e.head().task(),
                    e.head().labels().get(e.predicted()), p[e.predicted()], explained(e)));
        }
        out.append(String.format(Locale.ROOT, "%s: %.6f at the input, %.6f at the baseline (change %.6f)%n",
                explained(e), a.outputAtInput(), a.outputAtBaseline(), a.outputAtInput() - a.outputAtBaseline()));
        out.append(String.format(Locale.ROOT, "%-20s %12s %12s%n", "token", "attribution", "raw"));
        String[] tokens = a.tokens();
        float[] normalized = a.normalizedScores();
        float[] raw = a.scores();
        for (int i = 0; i < tokens.length; i++) {
            out.append(String.format(Locale.ROOT, "%-20s %12.4f %12.6f%n", tokens[i], normalized[i], raw[i]));
        }
        out.append(String.format(Locale.ROOT, "sum of raw attributions %.6f; convergence delta %.3e (%.2f %% of the"
                + " change)%s%n", a.outputAtInput() - a.outputAtBaseline() + a.convergenceDelta(),
                a.convergenceDelta(), 100 * a.relativeConvergenceDelta(), a.converged() ? ""
                        : "; NOT CONVERGED: use more steps"));
        return out.toString();
    }

    static String json(Explanation e) {
        Attribution a = e.attribution();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("model", e.model().toString());
        root.put("task", e.head().task());
        root.put("method", rule(e.rule()));
        root.put("steps", a.steps());
        root.put("baseline", e.baseline() == AttributionMethod.Baseline.PAD_TOKENS ? "pad" : "zero");
        ArrayNode outputs = root.putArray("outputs");
        for (float v : e.outputs()) {
            outputs.add(v);
        }
        if (!e.head().regression()) {
            ArrayNode probabilities = root.putArray("probabilities");
            for (double p : Integrator.softmax(e.outputs())) {
                probabilities.add(p);
            }
            root.put("predicted", e.head().labels().get(e.predicted()));
        }
        ObjectNode target = root.putObject("target");
        target.put("head", a.target().head());
        target.put("index", a.target().index());
        target.put("label", e.head().regression() ? null : e.head().labels().get(a.target().index()));
        target.put("output", e.head().regression() ? "value" : "probability");
        root.put("outputAtInput", a.outputAtInput());
        root.put("outputAtBaseline", a.outputAtBaseline());
        root.put("convergenceDelta", a.convergenceDelta());
        root.put("relativeConvergenceDelta", a.relativeConvergenceDelta());
        root.put("converged", a.converged());
        ArrayNode tokens = root.putArray("tokens");
        String[] names = a.tokens();
        float[] normalized = a.normalizedScores();
        float[] raw = a.scores();
        for (int i = 0; i < names.length; i++) {
            tokens.addObject().put("token", names[i]).put("attribution", normalized[i]).put("raw", raw[i]);
        }
        return root.toString();
    }

    private static String explained(Explanation e) {
        return e.head().regression() ? "output" : "P(" + e.head().labels().get(e.attribution().target().index()) + ")";
    }

    private static String rule(AttributionMethod.Rule rule) {
        return rule == AttributionMethod.Rule.GAUSS_LEGENDRE ? "gauss-legendre" : "riemann";
    }

    private static String baseline(AttributionMethod.Baseline baseline) {
        return baseline == AttributionMethod.Baseline.PAD_TOKENS ? "[CLS] [PAD]... [SEP]" : "zero embeddings";
    }
}
