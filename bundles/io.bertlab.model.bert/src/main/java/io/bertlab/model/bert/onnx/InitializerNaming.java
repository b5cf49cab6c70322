package io.bertlab.model.bert.onnx;

import io.bertlab.model.bert.BertParameterNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gives each initializer of a BERT graph its HF parameter name by following the graph: exporters keep HF names for
 * some tensors but rename others (e.g. MatMul weights become {@code onnx::MatMul_787}, stored transposed as
 * {@code [in, out]}). A renamed tensor is named after the module that consumes it: the bias added to a MatMul's
 * output, or the consuming node's scope ({@code /encoder/layer.0/attention/self/query/MatMul}).
 */
final class InitializerNaming {

    /** HF parameter names of the encoder, pooler and heads. */
    private static final Pattern PARAMETER_NAME =
            Pattern.compile("(embeddings|encoder|pooler|cls|classifier)\\..*\\.(weight|bias)");

    /**
     * Where a parameter comes from.
     *
     * @param initializer the initializer's name in the graph
     * @param transpose whether the initializer is stored {@code [in, out]} and must be transposed to HF's
     *        {@code [out, in]}
     */
    record Source(String initializer, boolean transpose) {
    }

    private InitializerNaming() {
    }

    /**
     * Names the floating-point initializers of a graph.
     *
     * @param graph the graph
     * @return HF parameter name to its source, in initializer order
     * @throws IllegalArgumentException when two initializers map to the same parameter (naming both)
     */
    static Map<String, Source> name(OnnxGraph graph) {
        Map<String, Source> byParameter = new LinkedHashMap<>();
        for (OnnxTensor tensor : graph.initializers().values()) {
            if (!tensor.isFloatingPoint()) {
                continue;
            }
            Named named = parameterOf(graph, tensor.name());
            if (named == null) {
                continue;
            }
            Source previous = byParameter.put(named.parameter, new Source(tensor.name(), named.transpose));
            if (previous != null) {
                throw new IllegalArgumentException("initializers '" + previous.initializer() + "' and '"
                        + tensor.name() + "' both map to parameter '" + named.parameter + "'");
            }
        }
        return byParameter;
    }

    private record Named(String parameter, boolean transpose) {
    }

    private static Named parameterOf(OnnxGraph graph, String initializer) {
        String direct = hfName(initializer);
        if (direct != null) {
            return new Named(direct, false);
        }
        for (OnnxGraph.Use use : graph.usesOf(initializer)) {
            OnnxGraph.Node node = use.node();
            String scope = node.modulePath();
            switch (node.opType()) {
                case "MatMul" -> {
                    if (use.inputIndex() == 1) {
                        return new Named(moduleOf(graph, node, scope) + ".weight", true);
                    }
                }
                case "Gemm" -> {
                    if (use.inputIndex() == 1) {
                        boolean transB = node.attributes().containsKey("transB")
                                && node.attributes().get("transB").intValue() == 1;
                        return new Named(moduleOf(graph, node, scope) + ".weight", !transB);
                    }
                    if (use.inputIndex() == 2 && !scope.isEmpty()) {
                        return new Named(scope + ".bias", false);
                    }
                }
                case "Gather" -> {
                    if (use.inputIndex() == 0 && !scope.isEmpty()) {
                        return new Named(scope + ".weight", false);
                    }
                }
                case "LayerNormalization" -> {
                    if (use.inputIndex() > 0 && !scope.isEmpty()) {
                        return new Named(scope + (use.inputIndex() == 1 ? ".weight" : ".bias"), false);
                    }
                }
                case "Mul" -> {
                    if (!scope.isEmpty() && scope.endsWith("LayerNorm")) {
                        return new Named(scope + ".weight", false);
                    }
                }
                case "Add" -> {
                    if (!scope.isEmpty() && isBiasAdd(graph, node, scope)) {
                        return new Named(scope + ".bias", false);
                    }
                }
                default -> {
                    // Other consumers (shapes, scalars) do not identify a parameter.
                }
            }
        }
        return null;
    }

    /** An Add is a bias add when it closes a LayerNorm or adds to a MatMul's output. */
    private static boolean isBiasAdd(OnnxGraph graph, OnnxGraph.Node add, String scope) {
        if (scope.endsWith("LayerNorm")) {
            return true;
        }
        return add.inputs().stream().map(graph::producerOf)
                .anyMatch(p -> p != null && p.opType().equals("MatMul"));
    }

    /**
     * The module a weight-consuming node belongs to: named after the HF bias added to its output when there is one
     * (the most reliable name the exporter leaves), else after the node's scope.
     */
    private static String moduleOf(OnnxGraph graph, OnnxGraph.Node node, String scope) {
        for (String output : node.outputs()) {
            for (OnnxGraph.Use use : graph.usesOf(output)) {
                if (use.node().opType().equals("Add")) {
                    for (String input : use.node().inputs()) {
                        String bias = graph.isInitializer(input) ? hfName(input) : null;
                        if (bias != null && bias.endsWith(".bias")) {
                            return bias.substring(0, bias.length() - ".bias".length());
                        }
                    }
                }
            }
        }
        if (node.opType().equals("Gemm") && node.inputs().size() > 2) {
            String bias = hfName(node.inputs().get(2));
            if (bias != null && bias.endsWith(".bias")) {
                return bias.substring(0, bias.length() - ".bias".length());
            }
        }
        return scope;
    }

    /** The HF name of an initializer that kept one, without a task model's {@code bert.} prefix. */
    private static String hfName(String initializer) {
        String name = initializer.startsWith(BertParameterNames.TASK_MODEL_PREFIX)
                ? initializer.substring(BertParameterNames.TASK_MODEL_PREFIX.length())
                : initializer;
        return PARAMETER_NAME.matcher(name).matches() ? name : null;
    }
}
