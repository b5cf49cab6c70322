package io.bertlab.integration.equinox;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.bertlab.testing.MiniLmFiles;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The oracle for the model: ONNX Runtime on all-MiniLM-L6-v2's own ONNX graph, with HF's tokenizer for it (its
 * padding dropped, truncated to 128 tokens as the engines' parity test does).
 */
final class OnnxMiniLm implements AutoCloseable {

    static final int MAX_LENGTH = 128;

    private final OrtEnvironment ort = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    OnnxMiniLm() throws OrtException, IOException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            session = ort.createSession(MiniLmFiles.onnx().toString(), options);
        }
        tokenizer = HuggingFaceTokenizer.of(MiniLmFiles.tokenizer()).unpaddedTruncatedTo(MAX_LENGTH);
    }

    HuggingFaceTokenizer tokenizer() {
        return tokenizer;
    }

    /** {@code last_hidden_state} of a padded batch, {@code [batch][position][hidden]}. */
    float[][][] lastHiddenState(int[][] ids, int[][] types, int[][] mask) throws OrtException {
        try (OnnxTensor idTensor = OnnxTensor.createTensor(ort, widen(ids));
                OnnxTensor typeTensor = OnnxTensor.createTensor(ort, widen(types));
                OnnxTensor maskTensor = OnnxTensor.createTensor(ort, widen(mask));
                OrtSession.Result result = session.run(Map.of("input_ids", idTensor, "token_type_ids", typeTensor,
                        "attention_mask", maskTensor))) {
            return (float[][][]) result.get("last_hidden_state").orElseThrow().getValue();
        }
    }

    /** The mean of {@code last_hidden_state} over a text's tokens (one text, no padding), in double. */
    double[] meanPooled(String text) throws OrtException {
        HuggingFaceTokenizer.Encoded encoded = tokenizer.encode(text);
        float[][] states = lastHiddenState(new int[][] {encoded.ids()}, new int[][] {encoded.typeIds()},
                new int[][] {encoded.attentionMask()})[0];
        double[] mean = new double[states[0].length];
        for (float[] state : states) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += state[i] / (double) states.length;
            }
        }
        return mean;
    }

    /** Unit-length mean-pooled embeddings of texts, as sentence-transformers makes them. */
    double[][] sentenceEmbeddings(List<String> texts) throws OrtException {
        double[][] embeddings = new double[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            double[] mean = meanPooled(texts.get(i));
            double norm = norm(mean);
            for (int j = 0; j < mean.length; j++) {
                mean[j] /= norm;
            }
            embeddings[i] = mean;
        }
        return embeddings;
    }

    static double norm(double[] vector) {
        double sum = 0;
        for (double v : vector) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private static long[][] widen(int[][] values) {
        long[][] out = new long[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = java.util.Arrays.stream(values[i]).asLongStream().toArray();
        }
        return out;
    }

    @Override
    public void close() throws OrtException {
        session.close();
        tokenizer.close();
    }
}
