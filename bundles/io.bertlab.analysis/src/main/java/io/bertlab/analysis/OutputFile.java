package io.bertlab.analysis;

import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.FileErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** An output file of a command, checked before the work starts so that a typo never costs a whole run. */
final class OutputFile {

    private OutputFile() {
    }

    /**
     * Fails when the file cannot be created: its folder is missing or it is a folder itself.
     *
     * @param command the command, for the message
     * @param file the resolved file
     * @throws CommandException naming the file and the reason
     */
    static void check(String command, Path file) throws CommandException {
        Path folder = file.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new CommandException(command + ": " + file + ": the folder " + folder + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new CommandException(command + ": " + file + ": is a folder, not a file");
        }
    }

    static void write(String command, Path file, String text) throws CommandException {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CommandException(command + ": " + FileErrors.describe(file, e), e);
        }
    }
}
