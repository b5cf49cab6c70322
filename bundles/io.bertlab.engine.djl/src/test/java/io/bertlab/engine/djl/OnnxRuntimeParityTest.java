package io.bertlab.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import io.bertlab.testing.RealSentences;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both DJL backends against ONNX Runtime on the real all-MiniLM-L6-v2 weights and real sentences, tokenized by HF's
 * own tokenizer (the oracle): {@code last_hidden_state} must agree within 1e-4 on every sentence, padded batches and
 * sentence pairs included.
 */
class OnnxRuntimeParityTest {

    private static final float TOLERANCE = 1e-4f;
    private static final int BATCH = 16;
    private static final int MAX_LENGTH = 128;
    /** Every fourth collected input: about 250 sentences and pairs from every source, within the time budget. */
    private static final int STRIDE = 4;

    private static List<RealSentences.Input> inputs;
    private static List<Batch> batches;
    private static List<Tensor> expected;

    @BeforeAll
    static void runOnnxRuntime() throws IOException, OrtException {
        List<RealSentences.Input> all = RealSentences.collect(12);
        inputs = new ArrayList<>();
        for (int i = 0; i < all.size(); i += STRIDE) {
            inputs.add(all.get(i));
        }
        assertTrue(inputs.size() >= 200, "need at least 200 real sentences, found " + inputs.size());
        List<Encoding> encodings = tokenize(inputs, MiniLm.tokenizerFile());
        batches = new ArrayList<>();
        for (int start = 0; start < encodings.size(); start += BATCH) {
            batches.add(padded(encodings.subList(start, Math.min(encodings.size(), start + BATCH))));
        }
        expected = new ArrayList<>();
        OrtEnvironment ort = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            try (OrtSession session = ort.createSession(MiniLm.onnxFile().toString(), options)) {
                for (Batch batch : batches) {
                    expected.add(lastHiddenState(ort, session, batch));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void lastHiddenStateMatchesOnnxRuntimeOnRealSentences(DjlBackend backend) throws IOException {
        float largest = 0;
        String worst = "";
        int paddedRows = 0;
        try (Model model = TestEngines.of(backend).load(MiniLm.checkpoint(), LoadOptions.threads(2))) {
            int sentence = 0;
            for (int i = 0; i < batches.size(); i++) {
                Batch batch = batches.get(i);
                Tensor want = expected.get(i);
                Tensor got = model.forward(batch).lastHiddenState();
                assertArrayEquals(want.shape(), got.shape(), "last_hidden_state shape");
                for (int b = 0; b < batch.size(); b++, sentence++) {
                    float difference = maxAbsDifference(want, got, b);
                    RealSentences.Input input = inputs.get(sentence);
                    assertTrue(difference <= TOLERANCE, "max |" + backend.bertlabName() + " - onnxruntime| = "
                            + difference + " for sentence " + sentence + " from " + input.source() + ": "
                            + input.first());
                    if (difference > largest) {
                        largest = difference;
                        worst = input.first();
                    }
                    paddedRows += batch.attended(b, batch.sequenceLength() - 1) ? 0 : 1;
                }
            }
        }
        System.out.printf("%s vs ONNX Runtime: %d inputs (%d padded), largest max-abs difference %.3g (%s)%n",
                backend.bertlabName(), inputs.size(), paddedRows, largest, worst);
        assertTrue(paddedRows > 0, "the batches must include padded sequences");
    }

    private static List<Encoding> tokenize(List<RealSentences.Input> inputs, Path tokenizerJson) throws IOException {
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
    private static Batch padded(List<Encoding> group) {
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

    static Tensor lastHiddenState(OrtEnvironment ort, OrtSession session, Batch batch) throws OrtException {
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

    /** Over every position of one row, padding included (ONNX Runtime computes those too). */
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
