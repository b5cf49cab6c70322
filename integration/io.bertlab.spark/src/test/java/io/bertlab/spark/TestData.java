package io.bertlab.spark;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Split;
import io.bertlab.glue.tasks.StsbTask;
import io.bertlab.testing.SharedData;
import io.bertlab.testing.models.JavaMiniLm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real inputs of these tests: sentences of STS-B's dev split (read by the task's own reader from
 * {@code ../shared/data}; missing data skips, or fails under {@code CI=true}) and all-MiniLM-L6-v2 as a model
 * directory, written once per test JVM so that every test shares one executor model.
 */
final class TestData {

    private static Path minilm;

    private TestData() {
    }

    /** The first {@code count} STS-B dev pairs. */
    static List<Example> stsbPairs(int count) throws IOException {
        GlueTask task = new StsbTask();
        Split dev = task.splits().stream().filter(s -> s.name().equals("dev")).findFirst().orElseThrow();
        Dataset dataset = task.read(SharedData.require("glue/STS-B"), dev);
        return dataset.examples().subList(0, Math.min(count, dataset.examples().size()));
    }

    /** The sentences of the first {@code pairs} STS-B dev pairs, in order: A1, B1, A2, B2, ... */
    static List<String> stsbSentences(int pairs) throws IOException {
        List<String> sentences = new ArrayList<>();
        for (Example e : stsbPairs(pairs)) {
            sentences.add(e.textA());
            sentences.add(e.textB());
        }
        return sentences;
    }

    /** all-MiniLM-L6-v2 as {@code bertlab import-model} writes it (config, safetensors, tokenizer.json). */
    static synchronized Path minilm() throws IOException {
        if (minilm == null) {
            Path folder = Files.createTempDirectory("bertlab-spark-minilm");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
            minilm = JavaMiniLm.directory(folder.resolve("minilm"));
        }
        return minilm;
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
