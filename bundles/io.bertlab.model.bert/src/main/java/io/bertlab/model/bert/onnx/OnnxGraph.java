package io.bertlab.model.bert.onnx;

import io.bertlab.model.bert.protobuf.ProtoReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of an ONNX {@code GraphProto} that weight import reads: nodes (with their inputs, outputs and
 * attributes) and initializers, plus the index of which nodes consume each value.
 */
final class OnnxGraph {

    /**
     * A {@code NodeProto}.
     *
     * @param name the node name, e.g. {@code /encoder/layer.0/attention/self/query/MatMul}
     * @param opType the operator, e.g. {@code MatMul}
     * @param inputs input value names
     * @param outputs output value names
     * @param attributes attributes by name (numbers, strings and tensors)
     */
    record Node(String name, String opType, List<String> inputs, List<String> outputs, Map<String, Attribute> attributes) {

        /**
         * The scope of the node: its name without the last path segment, as HF module path; e.g.
         * {@code /encoder/layer.0/attention/self/query/MatMul} gives {@code encoder.layer.0.attention.self.query}.
         *
         * @return the module path, or empty when the node name has no scope
         */
        String modulePath() {
            int end = name.lastIndexOf('/');
            if (end <= 0) {
                return "";
            }
            String scope = name.substring(name.startsWith("/") ? 1 : 0, end);
            return scope.replace('/', '.');
        }
    }

    /**
     * An {@code AttributeProto}, reduced to its scalar and tensor values.
     *
     * @param floatValue field {@code f}
     * @param intValue field {@code i}
     * @param text field {@code s} as UTF-8, or {@code null}
     * @param tensor field {@code t}, or {@code null}
     */
    record Attribute(float floatValue, long intValue, String text, OnnxTensor tensor) {
    }

    /**
     * A consumer of a value: a node and the position of the value among its inputs.
     *
     * @param node the consuming node
     * @param inputIndex the input position
     */
    record Use(Node node, int inputIndex) {
    }

    private final List<Node> nodes;
    private final Map<String, OnnxTensor> initializers;
    private final Map<String, List<Use>> uses = new HashMap<>();
    private final Map<String, Node> producers = new HashMap<>();

    private OnnxGraph(List<Node> nodes, Map<String, OnnxTensor> initializers) {
        this.nodes = nodes;
        this.initializers = initializers;
        for (Node node : nodes) {
            for (int i = 0; i < node.inputs().size(); i++) {
                uses.computeIfAbsent(node.inputs().get(i), k -> new ArrayList<>()).add(new Use(node, i));
            }
            for (String output : node.outputs()) {
                producers.put(output, node);
            }
        }
    }

    /**
     * Parses a serialized {@code ModelProto}.
     *
     * @param model the file's bytes
     * @return the graph
     * @throws ProtoReader.ProtoFormatException when the bytes are not a well-formed model
     * @throws IllegalArgumentException when the model has no graph
     */
    static OnnxGraph parseModel(ByteBuffer model) {
        ProtoReader reader = new ProtoReader(model);
        OnnxGraph graph = null;
        while (reader.hasMore()) {
            if (reader.nextField() == 7) {
                graph = parseGraph(reader.readMessage());
            } else {
                reader.skip();
            }
        }
        if (graph == null) {
            throw new IllegalArgumentException("the model holds no graph (ModelProto field 7)");
        }
        return graph;
    }

    private static OnnxGraph parseGraph(ProtoReader reader) {
        List<Node> nodes = new ArrayList<>();
        Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
        while (reader.hasMore()) {
            switch (reader.nextField()) {
                case 1 -> nodes.add(parseNode(reader.readMessage()));
                case 5 -> {
                    OnnxTensor tensor = OnnxTensor.parse(reader.readMessage());
                    initializers.put(tensor.name(), tensor);
                }
                default -> reader.skip();
            }
        }
        return new OnnxGraph(nodes, initializers);
    }

    private static Node parseNode(ProtoReader reader) {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, Attribute> attributes = new HashMap<>();
        String name = "";
        String opType = "";
        while (reader.hasMore()) {
            switch (reader.nextField()) {
                case 1 -> inputs.add(reader.readString());
                case 2 -> outputs.add(reader.readString());
                case 3 -> name = reader.readString();
                case 4 -> opType = reader.readString();
                case 5 -> parseAttribute(reader.readMessage(), attributes);
                default -> reader.skip();
            }
        }
        return new Node(name, opType, List.copyOf(inputs), List.copyOf(outputs), Map.copyOf(attributes));
    }

    private static void parseAttribute(ProtoReader reader, Map<String, Attribute> into) {
        String name = "";
        float f = 0;
        long i = 0;
        String s = null;
        OnnxTensor t = null;
        while (reader.hasMore()) {
            switch (reader.nextField()) {
                case 1 -> name = reader.readString();
                case 2 -> f = reader.readFloat();
                case 3 -> i = reader.readVarint();
                case 4 -> s = reader.readString();
                case 5 -> t = OnnxTensor.parse(reader.readMessage());
                default -> reader.skip();
            }
        }
        into.put(name, new Attribute(f, i, s, t));
    }

    List<Node> nodes() {
        return nodes;
    }

    Map<String, OnnxTensor> initializers() {
        return initializers;
    }

    List<Use> usesOf(String value) {
        return uses.getOrDefault(value, List.of());
    }

    Node producerOf(String value) {
        return producers.get(value);
    }

    boolean isInitializer(String value) {
        return initializers.containsKey(value);
    }

    /**
     * The value of a scalar constant: a {@code Constant} node's output or a one-element initializer.
     *
     * @param value the value name
     * @return the number, or {@code null} when the value is not a scalar constant
     */
    Double scalarConstant(String value) {
        OnnxTensor tensor = initializers.get(value);
        Node producer = producers.get(value);
        if (tensor == null && producer != null && producer.opType().equals("Constant")) {
            Attribute attribute = producer.attributes().get("value");
            if (attribute != null && attribute.tensor() != null) {
                tensor = attribute.tensor();
            } else if (producer.attributes().containsKey("value_float")) {
                return widen(producer.attributes().get("value_float").floatValue());
            }
        }
        if (tensor == null || tensor.elementCount() != 1) {
            return null;
        }
        return widen(tensor.toFloats()[0]);
    }

    /**
     * Widens a float constant to the double it was written as (1e-12f becomes 1e-12, not 9.99999996e-13): exporters
     * narrow configuration values such as epsilons to float.
     *
     * @param value the float
     * @return the shortest decimal that rounds to it, as a double
     */
    static double widen(float value) {
        return Double.parseDouble(Float.toString(value));
    }
}
