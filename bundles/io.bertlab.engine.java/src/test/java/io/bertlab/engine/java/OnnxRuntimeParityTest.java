package io.bertlab.engine.java;

import io.bertlab.api.model.Model;
import io.bertlab.testing.MiniLmFiles;
import io.bertlab.testing.oracles.EngineParity;
import io.bertlab.testing.oracles.MiniLm;
import io.bertlab.testing.oracles.OnnxRuntimeReference;
import org.junit.jupiter.api.Test;

/**
 * The pure-Java engine against ONNX Runtime on the real all-MiniLM-L6-v2 weights and real sentences, tokenized by
 * HF's own tokenizer (the oracle): {@code last_hidden_state} must agree within 1e-4 on every sentence, padded batches
 * and sentence pairs included.
 */
class OnnxRuntimeParityTest {

    @Test
    void lastHiddenStateMatchesOnnxRuntimeOnRealSentences() throws Exception {
        OnnxRuntimeReference reference = OnnxRuntimeReference.compute();
        try (Model model = JavaEngine.load(MiniLm.checkpoint(), 2, MiniLmFiles.onnx())) {
            EngineParity.assertMatches(model, "java", reference);
        }
    }
}
