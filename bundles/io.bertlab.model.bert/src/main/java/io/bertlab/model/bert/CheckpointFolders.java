package io.bertlab.model.bert;

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
 * Fine-tuning and pre-training runs keep their checkpoints this way.
 *
 * @since 1.1
 */
public final class CheckpointFolders {

    /** Writes a checkpoint's files into a folder. */
    @FunctionalInterface
    public interface Writer {
        /**
         * Writes the files.
         *
         * @param folder the (new, empty) folder to write into
         * @throws IOException when writing fails
         */
        void write(Path folder) throws IOException;
    }

    private CheckpointFolders() {
    }

    /**
     * Replaces a checkpoint folder with what the writer writes.
     *
     * @param target the checkpoint folder
     * @param writer writes the new checkpoint's files
     * @throws IOException when writing or moving fails; the previous checkpoint is then kept
     */
    public static void replace(Path target, Writer writer) throws IOException {
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

    /**
     * The complete checkpoint left by the last {@link #replace}, if any.
     *
     * @param target the checkpoint folder
     * @return it, or its previous version when an interruption left only that
     */
    public static Optional<Path> existing(Path target) {
        if (Files.isDirectory(target)) {
            return Optional.of(target);
        }
        Path previous = sibling(target, ".previous");
        return Files.isDirectory(previous) ? Optional.of(previous) : Optional.empty();
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling(target.getFileName() + suffix);
    }

    /**
     * Deletes a folder and everything in it; nothing when it does not exist.
     *
     * @param folder the folder
     * @throws IOException when a file cannot be deleted
     */
    public static void deleteTree(Path folder) throws IOException {
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
