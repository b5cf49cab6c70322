package io.bertlab.model.bert.onnx;

import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.BertWeightsCheck;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import io.bertlab.model.bert.protobuf.ProtoReader;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports a BERT encoder exported to ONNX (e.g. by {@code torch.onnx.export} or Optimum): the initializers become HF
 * parameters (see {@link InitializerNaming}), and the configuration is read from the weights' shapes and the graph
 * (attention scaling gives the head size, the LayerNorm constant its epsilon, the feed-forward operators the
 * activation).
 */
public final class OnnxBertImporter {

    private static final Pattern LAYER_INDEX = Pattern.compile("encoder\\.layer\\.(\\d+)\\.");
    /** HF's defaults for what the graph cannot tell (dropout is absent from inference graphs). */
    private static final double DEFAULT_DROPOUT = 0.1;
    private static final double DEFAULT_INITIALIZER_RANGE = 0.02;
    private static final double DEFAULT_LAYER_NORM_EPS = 1e-12;

    private OnnxBertImporter() {
    }

    /**
     * Imports a model, inferring the number of attention heads from the graph.
     *
     * @param onnxFile the {@code .onnx} file
     * @return the configuration and the weights (verified against each other)
     * @throws CheckpointException when the file is corrupt or truncated, or tensors are missing or mis-shaped (every
     *         one is named), or the configuration cannot be inferred
     * @throws IOException when the file cannot be read
     */
    public static ModelDirectory.Checkpoint importModel(Path onnxFile) throws IOException {
        return importModel(onnxFile, 0);
    }

    /**
     * Imports a model with a known number of attention heads.
     *
     * @param onnxFile the {@code .onnx} file
     * @param numAttentionHeads the number of heads, or {@code 0} to infer it from the graph
     * @return the configuration and the weights (verified against each other)
     * @throws CheckpointException when the file is unusable (the message names the file and the tensor)
     * @throws IOException when the file cannot be read
     */
    public static ModelDirectory.Checkpoint importModel(Path onnxFile, int numAttentionHeads) throws IOException {
        OnnxGraph graph = readGraph(onnxFile);
        Map<String, InitializerNaming.Source> sources;
        try {
            sources = InitializerNaming.name(graph);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(onnxFile, null, e.getMessage(), e);
        }
        BertWeights weights = new BertWeights();
        for (Map.Entry<String, InitializerNaming.Source> entry : sources.entrySet()) {
            weights.put(toWeight(graph, onnxFile, entry.getKey(), entry.getValue()));
        }
        ModelConfig config = inferConfig(graph, weights, onnxFile, numAttentionHeads);
        BertWeightsCheck.verify(config, weights, onnxFile);
        return new ModelDirectory.Checkpoint(config, weights);
    }

    private static OnnxGraph readGraph(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new CheckpointException(file, null, "larger than 2 GiB: ONNX graphs of that size keep their"
                        + " weights in external data files, which import does not support");
            }
            MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return OnnxGraph.parseModel(bytes);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, null, "missing: no such file", e);
        } catch (ProtoReader.ProtoFormatException | IllegalArgumentException e) {
            throw new CheckpointException(file, null, "not a valid ONNX model: " + e.getMessage(), e);
        }
    }

    private static Weight toWeight(OnnxGraph graph, Path file, String parameter, InitializerNaming.Source source)
            throws CheckpointException {
        OnnxTensor tensor = graph.initializers().get(source.initializer());
        String label = parameter + (parameter.equals(source.initializer()) ? "" : " (initializer '"
                + source.initializer() + "')");
        float[] values;
        try {
            values = tensor.toFloats();
        } catch (IllegalStateException | ArithmeticException e) {
            throw new CheckpointException(file, label, e.getMessage(), e);
        }
        int[] dims = tensor.intDims();
        if (!source.transpose()) {
            return new Weight(parameter, dims, values);
        }
        if (dims.length != 2) {
            throw new CheckpointException(file, label, "a MatMul weight must have 2 dimensions, has " + dims.length);
        }
        return new Weight(parameter, new int[] {dims[1], dims[0]}, transpose(values, dims[0], dims[1]));
    }

    private static float[] transpose(float[] values, int rows, int columns) {
        float[] out = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[c * rows + r] = values[r * columns + c];
            }
        }
        return out;
    }

    private static ModelConfig inferConfig(OnnxGraph graph, BertWeights weights, Path file, int numAttentionHeads)
            throws CheckpointException {
        String intermediate = BertParameterNames.layer(0).intermediate().weight();
        List<String> missing = new ArrayList<>();
        for (String name : List.of(BertParameterNames.WORD_EMBEDDINGS, BertParameterNames.POSITION_EMBEDDINGS,
                BertParameterNames.TOKEN_TYPE_EMBEDDINGS, intermediate)) {
            if (!weights.contains(name) || weights.get(name).shape().length != 2) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new CheckpointException(file, missing.get(0), "cannot infer the BERT configuration: missing or not"
                    + " 2-dimensional: " + String.join(", ", missing) + " (found " + weights.size()
                    + " parameters: " + weights.names() + ")");
        }
        int[] word = weights.get(BertParameterNames.WORD_EMBEDDINGS).shape();
        int hidden = word[1];
        int heads = numAttentionHeads > 0 ? numAttentionHeads : inferHeads(graph, hidden, file);
        try {
            return new ModelConfig(word[0], hidden, countLayers(weights), heads,
                    weights.get(intermediate).shape()[0], inferActivation(graph, file), DEFAULT_DROPOUT,
                    DEFAULT_DROPOUT, weights.get(BertParameterNames.POSITION_EMBEDDINGS).shape()[0],
                    weights.get(BertParameterNames.TOKEN_TYPE_EMBEDDINGS).shape()[0], DEFAULT_INITIALIZER_RANGE,
                    inferLayerNormEps(graph));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, null, "inferred configuration is inconsistent: " + e.getMessage(), e);
        }
    }

    private static int countLayers(BertWeights weights) {
        int layers = 0;
        for (String name : weights.names()) {
            Matcher m = LAYER_INDEX.matcher(name);
            if (m.lookingAt()) {
                layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return layers;
    }

    /**
     * Attention scores are scaled by {@code 1/sqrt(headSize)}: a Div by {@code sqrt(headSize)} or a Mul by its
     * inverse, applied to the product of two activations (Q·Kᵀ), which gives the head size and so the head count.
     */
    private static int inferHeads(OnnxGraph graph, int hidden, Path file) throws CheckpointException {
        for (OnnxGraph.Node node : graph.nodes()) {
            boolean divide = node.opType().equals("Div");
            if ((!divide && !node.opType().equals("Mul")) || node.inputs().size() != 2) {
                continue;
            }
            OnnxGraph.Node producer = graph.producerOf(node.inputs().get(0));
            Double scale = graph.scalarConstant(node.inputs().get(1));
            if (scale == null || producer == null || !producer.opType().equals("MatMul")
                    || producer.inputs().stream().anyMatch(graph::isInitializer)) {
                continue;
            }
            double headSize = divide ? scale * scale : 1 / (scale * scale);
            long rounded = Math.round(headSize);
            if (rounded > 0 && Math.abs(headSize - rounded) < 1e-3 * rounded && hidden % rounded == 0) {
                return (int) (hidden / rounded);
            }
        }
        throw new CheckpointException(file, null, "cannot infer num_attention_heads: no attention-score scaling"
                + " (Div or Mul of Q·Kᵀ by a constant) found; give the number of heads explicitly");
    }

    /** LayerNorm divides by {@code sqrt(variance + eps)}: the constant added before the Sqrt is epsilon. */
    private static double inferLayerNormEps(OnnxGraph graph) {
        for (OnnxGraph.Node node : graph.nodes()) {
            if (node.opType().equals("LayerNormalization") && node.attributes().containsKey("epsilon")) {
                return OnnxGraph.widen(node.attributes().get("epsilon").floatValue());
            }
            if (node.opType().equals("Sqrt")) {
                OnnxGraph.Node add = graph.producerOf(node.inputs().get(0));
                if (add != null && add.opType().equals("Add")) {
                    for (String input : add.inputs()) {
                        Double eps = graph.scalarConstant(input);
                        if (eps != null) {
                            return eps;
                        }
                    }
                }
            }
        }
        return DEFAULT_LAYER_NORM_EPS;
    }

    /** The feed-forward activation, from the operators inside the {@code intermediate} modules. */
    private static String inferActivation(OnnxGraph graph, Path file) throws CheckpointException {
        for (OnnxGraph.Node node : graph.nodes()) {
            if (!node.modulePath().contains("intermediate")) {
                continue;
            }
            switch (node.opType()) {
                case "Erf":
                    return "gelu";
                case "Gelu":
                    OnnxGraph.Attribute approximate = node.attributes().get("approximate");
                    return approximate != null && "tanh".equals(approximate.text()) ? "gelu_new" : "gelu";
                case "Tanh":
                    return "gelu_new";
                case "Relu":
                    return "relu";
                default:
                    break;
            }
        }
        throw new CheckpointException(file, "hidden_act", "cannot infer the feed-forward activation: no Erf, Gelu,"
                + " Tanh or Relu operator in an 'intermediate' module");
    }
}
