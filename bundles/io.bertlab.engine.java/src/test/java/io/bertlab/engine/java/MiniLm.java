package io.bertlab.engine.java;

import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.onnx.OnnxBertImporter;
import io.bertlab.testing.MiniLmFiles;
import java.io.IOException;
import java.nio.file.Path;

/** The real all-MiniLM-L6-v2 model (see {@link MiniLmFiles}), its weights imported into bertlab's form once. */
final class MiniLm {

    private static ModelDirectory.Checkpoint checkpoint;

    private MiniLm() {
    }

    static Path onnxFile() {
        return MiniLmFiles.onnx();
    }

    static Path tokenizerFile() {
        return MiniLmFiles.tokenizer();
    }

    static synchronized ModelDirectory.Checkpoint checkpoint() throws IOException {
        if (checkpoint == null) {
            checkpoint = OnnxBertImporter.importModel(onnxFile());
        }
        return checkpoint;
    }
}
