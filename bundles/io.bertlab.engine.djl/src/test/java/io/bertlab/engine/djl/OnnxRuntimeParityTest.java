package io.bertlab.engine.djl;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtException;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.testing.oracles.EngineParity;
import io.bertlab.testing.oracles.MiniLm;
import io.bertlab.testing.oracles.OnnxRuntimeReference;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Both DJL backends (and the GPU, where one is usable) against ONNX Runtime on the real all-MiniLM-L6-v2 weights and
 * real sentences, tokenized by HF's own tokenizer (the oracle): {@code last_hidden_state} must agree within 1e-4 on
 * every sentence, padded batches and sentence pairs included.
 */
class OnnxRuntimeParityTest {

    private static OnnxRuntimeReference reference;

    @BeforeAll
    static void runOnnxRuntime() throws IOException, OrtException {
        reference = OnnxRuntimeReference.compute();
    }

    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void lastHiddenStateMatchesOnnxRuntimeOnRealSentences(DjlBackend backend) throws IOException {
        assertMatches(TestEngines.of(backend), backend.bertlabName());
    }

    /** Runs only with the CUDA build ({@code mvn -Pcuda}) on a host with a CUDA device; skipped elsewhere. */
    @Test
    void gpuLastHiddenStateMatchesOnnxRuntimeOnRealSentences() throws IOException {
        assumeTrue(PyTorchEngineRegistration.gpuUsable(), "no CUDA device, or this build embeds libtorch "
                + PyTorchEngineRegistration.embeddedFlavor() + " (build with -Pcuda on a GPU host)");
        assertMatches(new PyTorchGpuEngine(), "pytorch-gpu");
    }

    private static void assertMatches(DjlEngine engine, String label) throws IOException {
        try (Model model = engine.load(MiniLm.checkpoint(), LoadOptions.threads(2))) {
            EngineParity.assertMatches(model, label, reference);
        }
    }
}
