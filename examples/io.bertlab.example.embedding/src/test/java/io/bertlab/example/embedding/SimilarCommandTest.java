package io.bertlab.example.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.jni.LibUtils;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.Model;
import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.MiniLmFiles;
import io.bertlab.testing.models.JavaMiniLm;
import io.bertlab.testing.oracles.EngineParity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's command outside OSGi, on the real all-MiniLM-L6-v2 (pure-Java engine): its cosines are those of
 * sentence embeddings made from ONNX Runtime's hidden states and HF's tokenizer, and its ranking follows them.
 */
class SimilarCommandTest {

    private static final List<String> TEXTS = List.of(
            "How can I get a second card for my account?",
            "I would like an additional card on my account.",
            "The weather will be sunny and warm tomorrow.",
            "Please send me another credit card.",
            "The train to Lisbon leaves at seven.");

    private static Model model;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModel() throws Exception {
        model = JavaMiniLm.model();
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void cosinesAndRankingAreThoseOfOnnxRuntimeEmbeddings() throws Exception {
        CapturingContext call = new CapturingContext(dir, TEXTS.toArray(String[]::new));
        assertEquals(0, new SimilarCommand(JavaMiniLm.tokenizer(), model).run(call), call.errText());

        double[][] means = onnxRuntimeMeans(TEXTS);
        double smallestNorm = Double.MAX_VALUE;
        for (double[] mean : means) {
            smallestNorm = Math.min(smallestNorm, norm(mean));
        }
        Map<String, Double> expected = new HashMap<>();
        for (int i = 1; i < TEXTS.size(); i++) {
            expected.put(TEXTS.get(i), dot(means[0], means[i]) / (norm(means[0]) * norm(means[i])));
        }
        // The engine's hidden states are within EngineParity.TOLERANCE of ONNX Runtime's per component, so the
        // (double) mean m is within d = TOLERANCE * sqrt(384) in length; m / |m| moves at most 2 d / |m| and the
        // cosine of two unit vectors at most 4 d / min|m|; the command prints 4 decimals (5e-5).
        double tolerance = 4 * EngineParity.TOLERANCE * Math.sqrt(384) / smallestNorm + 5e-5;
        List<String> lines = call.outText().lines().toList();
        assertEquals(TEXTS.size() - 1, lines.size(), call.outText());
        List<String> order = new ArrayList<>();
        for (String line : lines) {
            String[] fields = line.split("\t", 2);
            double score = Double.parseDouble(fields[0]);
            assertTrue(Math.abs(score - expected.get(fields[1])) <= tolerance, line + ": ONNX Runtime says "
                    + expected.get(fields[1]) + " (tolerance " + tolerance + ")");
            order.add(fields[1]);
        }
        for (int i = 0; i < order.size(); i++) {
            for (int j = i + 1; j < order.size(); j++) {
                assertTrue(expected.get(order.get(i)) - expected.get(order.get(j)) > -2 * tolerance,
                        order.get(i) + " ranked above " + order.get(j) + ":\n" + call.outText());
            }
        }
    }

    @Test
    void topAndInputFileSelectTheSentences() throws Exception {
        Files.writeString(dir.resolve("candidates.txt"), String.join("\n", TEXTS.subList(1, TEXTS.size())) + "\n");
        CapturingContext all = new CapturingContext(dir, TEXTS.toArray(String[]::new));
        new SimilarCommand(JavaMiniLm.tokenizer(), model).run(all);
        CapturingContext top = new CapturingContext(dir, "--top", "2", "--input", "candidates.txt", TEXTS.get(0));
        assertEquals(0, new SimilarCommand(JavaMiniLm.tokenizer(), model).run(top), top.errText());
        assertEquals(all.outText().lines().limit(2).toList(), top.outText().lines().toList());
    }

    @Test
    void aQueryAloneIsAUsageError() throws Exception {
        UsageException e = assertThrows(UsageException.class,
                () -> new SimilarCommand(JavaMiniLm.tokenizer(), model).run(new CapturingContext(dir, "query")));
        assertTrue(e.getMessage().contains("at least one SENTENCE"), e.getMessage());
    }

    /** ONNX Runtime's last hidden state, averaged over each text's tokens as HF's tokenizer makes them. */
    private static double[][] onnxRuntimeMeans(List<String> texts) throws Exception {
        LibUtils.checkStatus();
        TokenizersLibrary hf = TokenizersLibrary.LIB;
        long tokenizer = hf.createTokenizerFromString(Files.readString(MiniLmFiles.tokenizer()));
        hf.disablePadding(tokenizer);
        OrtEnvironment ort = OrtEnvironment.getEnvironment();
        double[][] means = new double[texts.size()][];
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = ort.createSession(MiniLmFiles.onnx().toString(), options)) {
            for (int t = 0; t < texts.size(); t++) {
                long encoding = hf.encode(tokenizer, texts.get(t), true);
                try (OnnxTensor ids = OnnxTensor.createTensor(ort, new long[][] {hf.getTokenIds(encoding)});
                        OnnxTensor types = OnnxTensor.createTensor(ort, new long[][] {hf.getTypeIds(encoding)});
                        OnnxTensor mask = OnnxTensor.createTensor(ort, new long[][] {hf.getAttentionMask(encoding)});
                        OrtSession.Result result = session.run(Map.of("input_ids", ids, "token_type_ids", types,
                                "attention_mask", mask))) {
                    float[][] states = ((float[][][]) result.get("last_hidden_state").orElseThrow().getValue())[0];
                    means[t] = new double[states[0].length];
                    for (float[] state : states) {
                        for (int i = 0; i < state.length; i++) {
                            means[t][i] += state[i] / (double) states.length;
                        }
                    }
                } finally {
                    hf.deleteEncoding(encoding);
                }
            }
        } finally {
            hf.deleteTokenizer(tokenizer);
        }
        return means;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
