package io.bertlab.api.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A command's output file, by one rule for every command: checked before the work starts, so that a typo in a path
 * never costs a whole run, and written whole or not at all.
 *
 * @since 1.2
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * Fails when the file cannot be created: its folder is missing or it is a folder itself.
     *
     * @param command the command, for the message
     * @param file the resolved file
     * @throws CommandException naming the file and the reason
     */
    public static void check(String command, Path file) throws CommandException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new CommandException(command + ": " + file + ": the folder " + folder + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new CommandException(command + ": " + file + ": is a folder, not a file");
        }
    }

    /**
     * Writes the text as UTF-8 into a temporary file beside the target, then moves it in place, so that a failed
     * write never leaves half a file (nor destroys an earlier one).
     *
     * @param command the command, for the message
     * @param file the resolved file
     * @param text the whole content
     * @throws CommandException naming the file and the reason
     */
    public static void write(String command, Path file, String text) throws CommandException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // the first failure is the one worth reporting
            }
            throw new CommandException(command + ": " + FileErrors.describe(file, e), e);
        }
    }
}
