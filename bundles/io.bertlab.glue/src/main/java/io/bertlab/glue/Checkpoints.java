package io.bertlab.glue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whole checkpoint folders replaced atomically: a checkpoint is written into {@code NAME.partial}, then the old
 * folder is moved to {@code NAME.previous}, the new one into place, and the old one deleted. An interruption at any
 * point leaves a complete checkpoint in {@code NAME} or {@code NAME.previous}, which {@link #existing} finds.
 */
final class Checkpoints {

    /** Writes a checkpoint's files into a folder. */
    @FunctionalInterface
    interface Writer {
        void write(Path folder) throws IOException;
    }

    private Checkpoints() {
    }

    static void replace(Path target, Writer writer) throws IOException {
        Path partial = sibling(target, ".partial");
        Path previous = sibling(target, ".previous");
        deleteTree(partial);
        Files.createDirectories(partial);
        writer.write(partial);
        if (Files.exists(target)) {
            // only now: while NAME is missing, NAME.previous may be the one complete checkpoint
            deleteTree(previous);
            Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(previous);
    }

    /** The complete checkpoint left by the last {@link #replace}, if any. */
    static Optional<Path> existing(Path target) {
        if (Files.isDirectory(target)) {
            return Optional.of(target);
        }
        Path previous = sibling(target, ".previous");
        return Files.isDirectory(previous) ? Optional.of(previous) : Optional.empty();
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling(target.getFileName() + suffix);
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
