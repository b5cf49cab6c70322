package io.bertlab.model.bert;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

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

    private static final SecureRandom RANDOM = new SecureRandom();

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
        Path temporary = createPartial(directory, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
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

    /**
     * A new empty file beside the target. Not {@code Files.createTempFile}: its files are private (0600), and this
     * one becomes the target, which should get the permissions any new file gets (the user's umask).
     */
    private static Path createPartial(Path directory, String name) throws IOException {
        while (true) {
            Path partial = directory.resolve("." + name + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                    + ".partial");
            try {
                return Files.createFile(partial);
            } catch (FileAlreadyExistsException taken) {
                // another writer's partial file; draw another name
            }
        }
    }
}
