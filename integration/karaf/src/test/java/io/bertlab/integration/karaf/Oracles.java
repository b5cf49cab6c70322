package io.bertlab.integration.karaf;

import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.huggingface.tokenizers.jni.LibUtils;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.bertlab.testing.MiniLmFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The references the console's output is checked against, computed in the test JVM by the libraries bertlab
 * reimplements: HuggingFace {@code tokenizers} (through DJL's JNI binding, used directly so that no
 * {@code tokenizer_config.json} rewrites the input) and ONNX Runtime on all-MiniLM-L6-v2's own ONNX graph.
 */
final class Oracles {

    private Oracles() {
    }

    /** What HF's {@code Encoding} says about one text. */
    record Encoded(String[] tokens, int[] ids, int[] typeIds, int[] attentionMask, int[] specialTokensMask,
            int[][] offsets) {
    }

    /**
     * HF's encoding of a text with the tokenizer of a {@code tokenizer.json}, special tokens added, with the
     * truncation and padding the file sets.
     */
    static Encoded tokenize(Path tokenizerJson, String text) throws IOException {
        LibUtils.checkStatus();
        TokenizersLibrary lib = TokenizersLibrary.LIB;
        long tokenizer = lib.createTokenizerFromString(Files.readString(tokenizerJson));
        try {
            return encode(tokenizer, text);
        } finally {
            lib.deleteTokenizer(tokenizer);
        }
    }

    private static Encoded encode(long tokenizer, String text) {
        TokenizersLibrary lib = TokenizersLibrary.LIB;
        long encoding = lib.encode(tokenizer, text, true);
        try {
            CharSpan[] spans = lib.getTokenCharSpans(encoding);
            int[][] offsets = new int[spans.length][];
            for (int i = 0; i < spans.length; i++) {
                offsets[i] = spans[i] == null ? new int[] {0, 0}
                        : new int[] {spans[i].getStart(), spans[i].getEnd()};
            }
            return new Encoded(lib.getTokens(encoding), ints(lib.getTokenIds(encoding)),
                    ints(lib.getTypeIds(encoding)), ints(lib.getAttentionMask(encoding)),
                    ints(lib.getSpecialTokenMask(encoding)), offsets);
        } finally {
            lib.deleteEncoding(encoding);
        }
    }

    /**
     * The sentence embedding all-MiniLM-L6-v2 is published for (sentence-transformers' recipe): HF's tokenizer for it,
     * ONNX Runtime's {@code last_hidden_state}, the mean over the tokens, scaled to unit length; in double.
     *
     * @return the embedding and the number of tokens
     */
    static Embedding embed(String text) throws IOException, OrtException {
        LibUtils.checkStatus();
        TokenizersLibrary lib = TokenizersLibrary.LIB;
        long tokenizer = lib.createTokenizerFromString(Files.readString(MiniLmFiles.tokenizer()));
        Encoded encoded;
        try {
            lib.disablePadding(tokenizer);
            lib.setTruncation(tokenizer, 512, "LONGEST_FIRST", 0);
            encoded = encode(tokenizer, text);
        } finally {
            lib.deleteTokenizer(tokenizer);
        }
        OrtEnvironment ort = OrtEnvironment.getEnvironment();
        float[][] states;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = ort.createSession(MiniLmFiles.onnx().toString(), options);
                    OnnxTensor ids = OnnxTensor.createTensor(ort, new long[][] {longs(encoded.ids())});
                    OnnxTensor types = OnnxTensor.createTensor(ort, new long[][] {longs(encoded.typeIds())});
                    OnnxTensor mask = OnnxTensor.createTensor(ort, new long[][] {longs(encoded.attentionMask())});
                    OrtSession.Result result = session.run(Map.of("input_ids", ids, "token_type_ids", types,
                            "attention_mask", mask))) {
                states = ((float[][][]) result.get("last_hidden_state").orElseThrow().getValue())[0];
            }
        }
        double[] mean = new double[states[0].length];
        for (float[] state : states) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += state[i] / (double) states.length;
            }
        }
        double norm = Math.sqrt(Arrays.stream(mean).map(v -> v * v).sum());
        return new Embedding(Arrays.stream(mean).map(v -> v / norm).toArray(), encoded.ids().length);
    }

    /** A unit-length sentence embedding and the number of tokens it pools. */
    record Embedding(double[] vector, int tokens) {
    }

    private static int[] ints(long[] values) {
        return Arrays.stream(values).mapToInt(Math::toIntExact).toArray();
    }

    private static long[] longs(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }
}
