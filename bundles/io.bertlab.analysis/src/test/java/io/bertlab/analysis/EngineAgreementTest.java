package io.bertlab.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.analysis.AttentionMap;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.engine.djl.DjlEngine;
import io.bertlab.engine.djl.MxNetCpuEngine;
import io.bertlab.engine.djl.PyTorchCpuEngine;
import io.bertlab.testing.models.JavaMiniLm;
import java.io.IOException;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attention capture is engine-independent: all-MiniLM-L6-v2's attention on a real pair, captured on the pure-Java
 * engine and on PyTorch and MXNet (through DJL), agrees within 1e-5 everywhere (6 layers × 12 heads × n × n).
 *
 * <p>Why 1e-5: both engines compute in float32 from the same weights, in different summation orders (blocked Java
 * kernels against MKL/oneDNN, or MXNet's MKL). Each recomputes against a double reference within about 2e-6 (AttentionCaptureTest
 * for the Java engine; the engines' ONNX Runtime parity for the hidden states that feed layers 1–5), and a probability
 * moves by at most half its score's error; 1e-5 leaves room for both and for six layers of drift, while a real
 * difference (a transposed head, a missing scale, the mask applied to another axis) moves probabilities by 1e-2 or
 * more.
 */
class EngineAgreementTest {

    private static final double TOLERANCE = 1e-5;

    @ParameterizedTest(name = "java and {0}")
    @ValueSource(strings = {"pytorch", "mxnet"})
    void javaAndDjlEnginesCaptureTheSameAttention(String engine) throws IOException {
        Tokenizer tokenizer = JavaMiniLm.tokenizer();
        AttentionMap java;
        AttentionMap captured;
        try (Model model = JavaMiniLm.model()) {
            Encoding encoding = EngineAttentionCapture.encode(model, tokenizer,
                    "The quick brown fox, startled, jumped over the lazy dog.", "Then it ran into the woods.");
            java = EngineAttentionCapture.capture(model, encoding);
            DjlEngine djl = engine.equals("mxnet") ? new MxNetCpuEngine() : new PyTorchCpuEngine();
            try (Model other = djl.load(JavaMiniLm.checkpoint(), LoadOptions.DEFAULT)) {
                captured = EngineAttentionCapture.capture(other, encoding);
            }
        }
        assertArrayEquals(java.tokens(), captured.tokens());
        assertEquals(java.sentenceBStart(), captured.sentenceBStart());
        assertArrayEquals(java.weights().shape(), captured.weights().shape());
        float[] a = java.weights().toArray();
        float[] b = captured.weights().toArray();
        double largest = 0;
        for (int i = 0; i < a.length; i++) {
            largest = Math.max(largest, Math.abs(a[i] - b[i]));
        }
        System.out.printf(Locale.ROOT, "java vs %s attention, %d tokens, %d probabilities: largest difference"
                + " %.2e%n", engine, java.tokens().length, a.length, largest);
        assertTrue(largest <= TOLERANCE, "largest difference " + largest);
    }
}
