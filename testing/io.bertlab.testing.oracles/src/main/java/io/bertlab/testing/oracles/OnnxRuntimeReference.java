package io.bertlab.testing.oracles;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.Tensor;
import io.bertlab.testing.MiniLmFiles;
import io.bertlab.testing.RealSentences;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The oracle for engine parity: real sentences and sentence pairs from the shared data, tokenized by HF's own
 * tokenizer for all-MiniLM-L6-v2, grouped into padded batches, and ONNX Runtime's {@code last_hidden_state} for each
 * batch.
 *
 * @param inputs the sentences, in batch order
 * @param batches the padded batches
 * @param expected ONNX Runtime's {@code last_hidden_state} per batch
 */
public record OnnxRuntimeReference(List<RealSentences.Input> inputs, List<Batch> batches, List<Tensor> expected) {

    private static final int BATCH = 16;
    private static final int MAX_LENGTH = 128;
    /** Every fourth collected input: about 250 sentences and pairs from every source, within the time budget. */
    private static final int STRIDE = 4;
    private static final int MINIMUM_INPUTS = 200;

    /**
     * Collects the inputs and runs ONNX Runtime on them (2 threads).
     *
     * @return the reference
     * @throws IOException when the tokenizer cannot be read
     * @throws OrtException when ONNX Runtime fails
     */
    public static OnnxRuntimeReference compute() throws IOException, OrtException {
        List<RealSentences.Input> all = RealSentences.collect(12);
        List<RealSentences.Input> inputs = new ArrayList<>();
        for (int i = 0; i < all.size(); i += STRIDE) {
            inputs.add(all.get(i));
        }
        assertTrue(inputs.size() >= MINIMUM_INPUTS, "need at least 200 real sentences, found " + inputs.size());
        List<Encoding> encodings = tokenize(inputs);
        List<Batch> batches = new ArrayList<>();
        for (int start = 0; start < encodings.size(); start += BATCH) {
            batches.add(padded(encodings.subList(start, Math.min(encodings.size(), start + BATCH))));
        }
        List<Tensor> expected = new ArrayList<>();
        OrtEnvironment ort = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            try (OrtSession session = ort.createSession(MiniLmFiles.onnx().toString(), options)) {
                for (Batch batch : batches) {
                    expected.add(lastHiddenState(ort, session, batch));
                }
            }
        }
        return new OnnxRuntimeReference(List.copyOf(inputs), List.copyOf(batches), List.copyOf(expected));
    }

    private static List<Encoding> tokenize(List<RealSentences.Input> inputs) throws IOException {
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(MiniLmFiles.tokenizer())
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

    private static Tensor lastHiddenState(OrtEnvironment ort, OrtSession session, Batch batch) throws OrtException {
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
}
