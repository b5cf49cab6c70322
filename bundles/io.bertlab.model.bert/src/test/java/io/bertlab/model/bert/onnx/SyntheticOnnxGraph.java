package io.bertlab.model.bert.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small ONNX models shaped like {@code torch.onnx.export} output of a BERT encoder (HF-named biases and
 * LayerNorms, MatMul weights renamed {@code onnx::MatMul_N} and stored {@code [in, out]}), so that import can be
 * tested on graphs whose every value is known.
 */
final class SyntheticOnnxGraph {

    final int vocab = 6;
    final int hidden = 4;
    final int intermediate = 8;
    final int positions = 5;
    final int headSize = 2;
    final Map<String, int[]> shapes = new LinkedHashMap<>();
    final Map<String, float[]> values = new LinkedHashMap<>();
    private final List<byte[]> nodes = new ArrayList<>();
    private int constants;

    SyntheticOnnxGraph() {
        initializer("embeddings.word_embeddings.weight", vocab, hidden);
        initializer("embeddings.position_embeddings.weight", positions, hidden);
        initializer("embeddings.token_type_embeddings.weight", 2, hidden);
        initializer("embeddings.LayerNorm.weight", hidden);
        initializer("embeddings.LayerNorm.bias", hidden);
        String l = "encoder.layer.0.";
        String s = "/encoder/layer.0/";
        dense("x", s + "attention/self/query", l + "attention.self.query", "onnx::MatMul_101", hidden, hidden);
        dense("x", s + "attention/self/key", l + "attention.self.key", "onnx::MatMul_102", hidden, hidden);
        dense("x", s + "attention/self/value", l + "attention.self.value", "onnx::MatMul_103", hidden, hidden);
        node("MatMul", s + "attention/self/MatMul", List.of("q", "kT"), "scores");
        node("Div", s + "attention/self/Div", List.of("scores", constant((float) Math.sqrt(headSize))), "scaled");
        dense("ctx", s + "attention/output/dense", l + "attention.output.dense", "onnx::MatMul_104", hidden, hidden);
        layerNorm(s + "attention/output/LayerNorm", l + "attention.output.LayerNorm", 1e-12f);
        dense("x1", s + "intermediate/dense", l + "intermediate.dense", "onnx::MatMul_105", hidden, intermediate);
        node("Erf", s + "intermediate/intermediate_act_fn/Erf", List.of("u"), "erf");
        dense("g", s + "output/dense", l + "output.dense", "onnx::MatMul_106", intermediate, hidden);
        layerNorm(s + "output/LayerNorm", l + "output.LayerNorm", 1e-12f);
    }

    private void initializer(String name, int... dims) {
        int count = 1;
        for (int d : dims) {
            count *= d;
        }
        float[] v = new float[count];
        for (int i = 0; i < count; i++) {
            v[i] = values.size() + i / 100f;
        }
        shapes.put(name, dims);
        values.put(name, v);
    }

    /** A MatMul with an {@code [in, out]} weight followed by an Add of the HF-named bias, as the exporter writes. */
    private void dense(String input, String scope, String module, String weight, int in, int out) {
        initializer(weight, in, out);
        initializer(module + ".bias", out);
        node("MatMul", scope + "/MatMul", List.of(input, weight), scope + "/MatMul_output_0");
        node("Add", scope + "/Add", List.of(module + ".bias", scope + "/MatMul_output_0"), scope + "/Add_output_0");
    }

    private void layerNorm(String scope, String module, float eps) {
        initializer(module + ".weight", hidden);
        initializer(module + ".bias", hidden);
        node("ReduceMean", scope + "/ReduceMean_1", List.of("sq"), "var");
        node("Add", scope + "/Add", List.of("var", constant(eps)), "var_eps");
        node("Sqrt", scope + "/Sqrt", List.of("var_eps"), "std");
        node("Mul", scope + "/Mul", List.of("norm", module + ".weight"), "scaled_norm");
        node("Add", scope + "/Add_1", List.of("scaled_norm", module + ".bias"), "out");
    }

    private String constant(float value) {
        String output = "/Constant_" + constants++ + "_output_0";
        byte[] tensor = tensor("", new int[0], new float[] {value});
        ProtoWriter attribute = new ProtoWriter().string(1, "value").message(5, tensor).varint(20, 4);
        nodes.add(new ProtoWriter().string(2, output).string(3, output.replace("_output_0", "")).string(4, "Constant")
                .message(5, attribute.bytes()).bytes());
        return output;
    }

    private void node(String op, String name, List<String> inputs, String output) {
        ProtoWriter node = new ProtoWriter();
        inputs.forEach(i -> node.string(1, i));
        nodes.add(node.string(2, output).string(3, name).string(4, op).bytes());
    }

    private static byte[] tensor(String name, int[] dims, float[] data) {
        ProtoWriter tensor = new ProtoWriter();
        for (int d : dims) {
            tensor.varint(1, d);
        }
        ByteBuffer raw = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(data);
        return tensor.varint(2, 1).string(8, name).message(9, raw.array()).bytes();
    }

    /**
     * The serialized model.
     *
     * @param leaveOut initializers to omit (their nodes still reference them)
     * @return the {@code ModelProto} bytes
     */
    byte[] model(String... leaveOut) {
        ProtoWriter graph = new ProtoWriter();
        nodes.forEach(n -> graph.message(1, n));
        List<String> omitted = List.of(leaveOut);
        values.forEach((name, v) -> {
            if (!omitted.contains(name)) {
                graph.message(5, tensor(name, shapes.get(name), v));
            }
        });
        return new ProtoWriter().varint(1, 8).message(7, graph.bytes()).bytes();
    }

    /** The protobuf wire format, written. */
    static final class ProtoWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        ProtoWriter varint(int field, long value) {
            raw((long) field << 3);
            raw(value);
            return this;
        }

        ProtoWriter message(int field, byte[] bytes) {
            raw((long) field << 3 | 2);
            raw(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        ProtoWriter string(int field, String value) {
            return message(field, value.getBytes(StandardCharsets.UTF_8));
        }

        private void raw(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) (v & 0x7F) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
