package io.bertlab.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;

/** Real inputs for the benchmarks, from {@code ../shared/data} (system property {@code bertlab.data}). */
final class BenchmarkData {

    private BenchmarkData() {
    }

    static Path root() {
        Path root = Paths.get(System.getProperty("bertlab.data", "../shared/data")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("shared data not found at " + root + " (set -Dbertlab.data=DIR)");
        }
        return root;
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    /** The non-blank lines of a text file. */
    static List<String> lines(String relative) throws IOException {
        return Files.readAllLines(file(relative), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .collect(Collectors.toList());
    }

    static long utf8Bytes(List<String> lines) {
        return lines.stream().mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length).sum();
    }
}
