package io.bertlab.model.bert;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces files atomically: the content goes to a temporary file beside the target, is forced to disk, and is then
 * moved over the target, so that readers (and a crash) see either the old file or the complete new one.
 */
public final class AtomicFiles {

    /** Writes the content of a file into an open channel. */
    @FunctionalInterface
    public interface ContentWriter {
        /**
         * Writes the whole content.
         *
         * @param channel the temporary file's channel, positioned at 0
         * @throws IOException when writing fails
         */
        void write(FileChannel channel) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param target the file to create or replace
     * @param content writes the new content
     * @throws IOException when writing fails; the previous file is then untouched and the temporary file removed
     */
    public static void write(Path target, ContentWriter content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".partial");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                content.write(channel);
                channel.force(true);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
