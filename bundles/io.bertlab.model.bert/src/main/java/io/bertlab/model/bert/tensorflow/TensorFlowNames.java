package io.bertlab.model.bert.tensorflow;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the variable names of Google's BERT ({@code modeling.py} and {@code run_pretraining.py}) to HF parameter
 * names: {@code bert/encoder/layer_3/attention/self/query/kernel} becomes
 * {@code encoder.layer.3.attention.self.query.weight}, {@code cls/predictions/output_bias} becomes
 * {@code cls.predictions.bias}. TF Hub modules put {@code module/} before every name.
 */
final class TensorFlowNames {

    private static final String HUB_PREFIX = "module/";
    private static final Pattern LAYER = Pattern.compile("layer_(\\d+)");

    /**
     * An HF parameter and how to get it from the TF variable.
     *
     * @param parameter the HF name
     * @param transpose whether the variable is a dense kernel, stored {@code [in, out]}, and HF's Linear weight is
     *        {@code [out, in]}
     */
    record Mapped(String parameter, boolean transpose) {
    }

    private TensorFlowNames() {
    }

    /**
     * The HF parameter of a variable.
     *
     * @param variable the TF variable name
     * @return the mapping, or {@code null} for variables that are not model parameters (the global step, Adam's
     *         {@code adam_m}/{@code adam_v} slots, anything outside {@code bert/} and {@code cls/})
     */
    static Mapped map(String variable) {
        String name = variable.startsWith(HUB_PREFIX) ? variable.substring(HUB_PREFIX.length()) : variable;
        if (name.endsWith("/adam_m") || name.endsWith("/adam_v") || name.contains("/Adam")) {
            return null;
        }
        if (name.startsWith("bert/")) {
            name = name.substring("bert/".length());
            if (name.startsWith("embeddings/") && name.endsWith("_embeddings")) {
                return new Mapped(name.replace('/', '.') + ".weight", false);
            }
        } else if (name.startsWith("cls/")) {
            // The MLM output bias and NSP output layer are plain variables, not dense layers.
            switch (name) {
                case "cls/predictions/output_bias":
                    return new Mapped("cls.predictions.bias", false);
                case "cls/seq_relationship/output_weights":
                    return new Mapped("cls.seq_relationship.weight", false);
                case "cls/seq_relationship/output_bias":
                    return new Mapped("cls.seq_relationship.bias", false);
                default:
                    break;
            }
        } else {
            return null;
        }
        int slash = name.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        Matcher layer = LAYER.matcher(name.substring(0, slash));
        String module = layer.replaceAll("layer.$1").replace('/', '.');
        return switch (name.substring(slash + 1)) {
            case "kernel" -> new Mapped(module + ".weight", true);
            case "bias", "beta" -> new Mapped(module + ".bias", false);
            case "gamma" -> new Mapped(module + ".weight", false);
            default -> null;
        };
    }
}
