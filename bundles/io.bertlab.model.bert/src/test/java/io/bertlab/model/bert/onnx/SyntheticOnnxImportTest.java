package io.bertlab.model.bert.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import of small exporter-shaped graphs whose every value is known. */
class SyntheticOnnxImportTest {

    @TempDir
    Path dir;

    private Path write(byte[] model) throws IOException {
        Path file = dir.resolve("model.onnx");
        Files.write(file, model);
        return file;
    }

    @Test
    void renamedMatMulWeightsAreFoundByStructureAndTransposed() throws IOException {
        SyntheticOnnxGraph graph = new SyntheticOnnxGraph();
        ModelDirectory.Checkpoint checkpoint = OnnxBertImporter.importModel(write(graph.model()));

        assertEquals(new ModelConfig(6, 4, 1, 2, 8, "gelu", 0.1, 0.1, 5, 2, 0.02, 1e-12), checkpoint.config());
        // onnx::MatMul_105 is [in=4, out=8]; HF's intermediate.dense.weight is [out=8, in=4].
        float[] stored = graph.values.get("onnx::MatMul_105");
        float[] imported = checkpoint.weights().get(BertParameterNames.layer(0).intermediate().weight()).values();
        assertArrayEquals(new int[] {8, 4},
                checkpoint.weights().get(BertParameterNames.layer(0).intermediate().weight()).shape());
        for (int in = 0; in < 4; in++) {
            for (int out = 0; out < 8; out++) {
                assertEquals(stored[in * 8 + out], imported[out * 4 + in], "element [" + out + ", " + in + "]");
            }
        }
        assertArrayEquals(graph.values.get("onnx::MatMul_102"), transpose(
                checkpoint.weights().get(BertParameterNames.layer(0).key().weight()).values(), 4, 4));
    }

    @Test
    void everyMissingTensorIsNamed() throws IOException {
        Path file = write(new SyntheticOnnxGraph().model("onnx::MatMul_103", "encoder.layer.0.output.LayerNorm.bias"));

        CheckpointException e = assertThrows(CheckpointException.class, () -> OnnxBertImporter.importModel(file));

        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'encoder.layer.0.attention.self.value.weight' is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("'encoder.layer.0.output.LayerNorm.bias' is missing"), e.getMessage());
    }

    @Test
    void misshapedTensorIsNamedWithBothShapes() throws IOException {
        SyntheticOnnxGraph graph = new SyntheticOnnxGraph();
        graph.shapes.put("onnx::MatMul_102", new int[] {4, 3});
        graph.values.put("onnx::MatMul_102", new float[12]);
        Path file = write(graph.model());

        CheckpointException e = assertThrows(CheckpointException.class, () -> OnnxBertImporter.importModel(file));

        assertEquals("encoder.layer.0.attention.self.key.weight", e.tensor());
        assertTrue(e.getMessage().contains("has shape [3, 4], expected [4, 4]"), e.getMessage());
    }

    @Test
    void dataDisagreeingWithDimsNamesInitializer() throws IOException {
        SyntheticOnnxGraph graph = new SyntheticOnnxGraph();
        graph.values.put("onnx::MatMul_101", new float[15]);
        Path file = write(graph.model());

        CheckpointException e = assertThrows(CheckpointException.class, () -> OnnxBertImporter.importModel(file));

        assertTrue(e.getMessage().contains("onnx::MatMul_101") && e.getMessage().contains("query.weight"),
                e.getMessage());
    }

    private static float[] transpose(float[] m, int rows, int columns) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                t[c * rows + r] = m[r * columns + c];
            }
        }
        return t;
    }
}
