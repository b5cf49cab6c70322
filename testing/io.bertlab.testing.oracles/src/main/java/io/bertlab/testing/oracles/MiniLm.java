package io.bertlab.testing.oracles;

import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.onnx.OnnxBertImporter;
import io.bertlab.testing.MiniLmFiles;
import java.io.IOException;

/** The real all-MiniLM-L6-v2 model (see {@link MiniLmFiles}), its weights imported into bertlab's form once. */
public final class MiniLm {

    private static ModelDirectory.Checkpoint checkpoint;

    private MiniLm() {
    }

    /**
     * The imported weights, shared by every test of the JVM.
     *
     * @return the checkpoint
     * @throws IOException when the ONNX file cannot be read
     */
    public static synchronized ModelDirectory.Checkpoint checkpoint() throws IOException {
        if (checkpoint == null) {
            checkpoint = OnnxBertImporter.importModel(MiniLmFiles.onnx());
        }
        return checkpoint;
    }
}
