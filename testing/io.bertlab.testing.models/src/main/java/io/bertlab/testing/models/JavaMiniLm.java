package io.bertlab.testing.models;

import io.bertlab.api.model.Model;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.testing.MiniLmFiles;
import io.bertlab.testing.oracles.MiniLm;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real all-MiniLM-L6-v2 (6 layers, 12 heads, width 384) on the pure-Java engine, with its tokenizer, for plugins'
 * tests that run outside OSGi: the weights are imported from the ONNX file once per test JVM.
 */
public final class JavaMiniLm {

    private JavaMiniLm() {
    }

    /**
     * The imported weights, shared by every test of the JVM.
     *
     * @return the checkpoint
     * @throws IOException when the ONNX file cannot be read
     */
    public static ModelDirectory.Checkpoint checkpoint() throws IOException {
        return MiniLm.checkpoint();
    }

    /**
     * A new model on the pure-Java engine (2 threads).
     *
     * @return the model; the caller closes it
     * @throws IOException when the ONNX file cannot be read
     */
    public static Model model() throws IOException {
        return JavaEngine.load(checkpoint(), 2, MiniLmFiles.onnx());
    }

    /**
     * The model's tokenizer, read by bertlab's tokenizer core.
     *
     * @return the tokenizer
     * @throws IOException when the file cannot be read
     */
    public static Tokenizer tokenizer() throws IOException {
        return TokenizerFiles.load(MiniLmFiles.tokenizer(), Map.of(), ModelRegistry.discover(
                JavaMiniLm.class.getClassLoader()));
    }

    /**
     * A model directory as {@code bertlab import-model} writes it: config, weights and tokenizer.json.
     *
     * @param folder the folder to write
     * @return the folder
     * @throws IOException when it cannot be written
     */
    public static Path directory(Path folder) throws IOException {
        ModelDirectory.save(folder, checkpoint());
        Files.copy(MiniLmFiles.tokenizer(), folder.resolve("tokenizer.json"));
        return folder;
    }
}
