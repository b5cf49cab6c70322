package io.bertlab.engine.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import io.bertlab.testing.RealSentences;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java engine against ONNX Runtime on the real all-MiniLM-L6-v2 weights and real sentences, tokenized by
 * HF's own tokenizer (the oracle): {@code last_hidden_state} must agree within 1e-4 on every sentence, padding and
 * sentence pairs included.
 */
class OnnxRuntimeParityTest {

    private static final float TOLERANCE = 1e-4f;
    private static final int BATCH = 16;
    private static final int MAX_LENGTH = 128;

    private static Model model;
    private static OrtEnvironment ort;
    private static OrtSession session;

    @BeforeAll
    static void load() throws IOException, OrtException {
        model = JavaEngine.load(MiniLm.checkpoint(), 2, MiniLm.onnxFile());
        ort = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(2);
        session = ort.createSession(MiniLm.onnxFile().toString(), options);
    }

    @AfterAll
    static void close() throws OrtException {
        if (model != null) {
            model.close();
        }
        if (session != null) {
            session.close();
        }
    }

    @Test
    void lastHiddenStateMatchesOnnxRuntimeOnRealSentences() throws Exception {
        List<RealSentences.Input> inputs = RealSentences.collect(5);
        assertTrue(inputs.size() >= 200, "need at least 200 real sentences, found " + inputs.size());
        List<Encoding> encodings = tokenize(inputs, MiniLm.tokenizerFile());

        float largest = 0;
        String worst = "";
        int paddedRows = 0;
        double onnxSeconds = 0;
        double javaSeconds = 0;
        for (int start = 0; start < encodings.size(); start += BATCH) {
            List<Encoding> group = encodings.subList(start, Math.min(encodings.size(), start + BATCH));
            Batch batch = padded(group);
            long t0 = System.nanoTime();
            Tensor expected = runOnnxRuntime(batch);
            long t1 = System.nanoTime();
            ForwardResult actual = model.forward(batch);
            onnxSeconds += (t1 - t0) / 1e9;
            javaSeconds += (System.nanoTime() - t1) / 1e9;
            assertEquals(List.of(expected.shape()[0], expected.shape()[1], expected.shape()[2]),
                    List.of(actual.lastHiddenState().dim(0), actual.lastHiddenState().dim(1),
                            actual.lastHiddenState().dim(2)));
            for (int b = 0; b < group.size(); b++) {
                float difference = maxAbsDifference(expected, actual.lastHiddenState(), b);
                RealSentences.Input input = inputs.get(start + b);
                assertTrue(difference <= TOLERANCE, "max |java - onnxruntime| = " + difference + " for sentence "
                        + (start + b) + " from " + input.source() + ": " + input.first());
                if (difference > largest) {
                    largest = difference;
                    worst = input.first();
                }
                paddedRows += group.get(b).getIds().length < batch.sequenceLength() ? 1 : 0;
            }
        }
        System.out.printf("java engine vs ONNX Runtime: %d inputs (%d padded), largest max-abs difference %.3g (%s);"
                + " time in java %.1f s, in onnxruntime %.1f s%n", inputs.size(), paddedRows, largest, worst,
                javaSeconds, onnxSeconds);
        assertTrue(paddedRows > 0, "the batches must include padded sequences");
    }

    static List<Encoding> tokenize(List<RealSentences.Input> inputs, Path tokenizerJson) throws IOException {
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(tokenizerJson)
                .optTruncation(true).optMaxLength(MAX_LENGTH).optPadding(false).build()) {
            List<Encoding> encodings = new ArrayList<>();
            for (RealSentences.Input input : inputs) {
                encodings.add(input.second() == null ? tokenizer.encode(input.first())
                        : tokenizer.encode(input.first(), input.second()));
            }
            return encodings;
        }
    }

    /** Pads to the longest sequence of the group with id 0 and attention mask 0. */
    static Batch padded(List<Encoding> group) {
        int length = group.stream().mapToInt(e -> e.getIds().length).max().orElseThrow();
        int[][] ids = new int[group.size()][length];
        int[][] types = new int[group.size()][length];
        int[][] mask = new int[group.size()][length];
        for (int b = 0; b < group.size(); b++) {
            Encoding e = group.get(b);
            for (int t = 0; t < e.getIds().length; t++) {
                ids[b][t] = Math.toIntExact(e.getIds()[t]);
                types[b][t] = Math.toIntExact(e.getTypeIds()[t]);
                mask[b][t] = Math.toIntExact(e.getAttentionMask()[t]);
            }
        }
        return new Batch(ids, types, mask);
    }

    static Tensor runOnnxRuntime(Batch batch) throws OrtException {
        try (OnnxTensor ids = OnnxTensor.createTensor(ort, widen(batch.inputIds()));
                OnnxTensor types = OnnxTensor.createTensor(ort, widen(batch.tokenTypeIds()));
                OnnxTensor mask = OnnxTensor.createTensor(ort, widen(batch.attentionMask()));
                OrtSession.Result result = session.run(Map.of("input_ids", ids, "token_type_ids", types,
                        "attention_mask", mask))) {
            float[][][] hidden = (float[][][]) result.get("last_hidden_state").orElseThrow().getValue();
            int b = hidden.length;
            int s = hidden[0].length;
            int h = hidden[0][0].length;
            float[] flat = new float[b * s * h];
            for (int i = 0; i < b; i++) {
                for (int j = 0; j < s; j++) {
                    System.arraycopy(hidden[i][j], 0, flat, (i * s + j) * h, h);
                }
            }
            return Tensor.of(flat, b, s, h);
        }
    }

    private static long[][] widen(int[][] values) {
        long[][] out = new long[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = new long[values[i].length];
            for (int j = 0; j < values[i].length; j++) {
                out[i][j] = values[i][j];
            }
        }
        return out;
    }

    private static float maxAbsDifference(Tensor expected, Tensor actual, int row) {
        float max = 0;
        for (int t = 0; t < expected.dim(1); t++) {
            float[] e = expected.vector(row, t);
            float[] a = actual.vector(row, t);
            for (int j = 0; j < e.length; j++) {
                max = Math.max(max, Math.abs(e[j] - a[j]));
            }
        }
        return max;
    }
}
