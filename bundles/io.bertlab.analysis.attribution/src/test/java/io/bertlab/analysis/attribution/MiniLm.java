package io.bertlab.analysis.attribution;

import io.bertlab.api.model.Model;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.onnx.OnnxBertImporter;
import io.bertlab.testing.MiniLmFiles;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real all-MiniLM-L6-v2 (6 layers, 12 heads, width 384) imported from the ONNX file of the Maven artifact, on the
 * pure-Java engine, with its tokenizer: loaded once per test JVM.
 */
final class MiniLm {

    private static ModelDirectory.Checkpoint checkpoint;

    private MiniLm() {
    }

    static synchronized ModelDirectory.Checkpoint checkpoint() throws IOException {
        if (checkpoint == null) {
            checkpoint = OnnxBertImporter.importModel(MiniLmFiles.onnx());
        }
        return checkpoint;
    }

    /** A new model on the pure-Java engine; the caller closes it. */
    static Model model() throws IOException {
        return JavaEngine.load(checkpoint(), 2, MiniLmFiles.onnx());
    }

    static Tokenizer tokenizer() throws IOException {
        return TokenizerFiles.load(MiniLmFiles.tokenizer(), Map.of(), ModelRegistry.discover(
                MiniLm.class.getClassLoader()));
    }

    /** A model directory as {@code bertlab import-model} writes it: config, weights and tokenizer.json. */
    static Path directory(Path folder) throws IOException {
        ModelDirectory.save(folder, checkpoint());
        Files.copy(MiniLmFiles.tokenizer(), folder.resolve("tokenizer.json"));
        return folder;
    }
}
