package io.bertlab.analysis.attribution;

import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.FileErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** An output file of a command, checked before the model loads so that a typo never costs a whole run. */
final class OutputFile {

    private OutputFile() {
    }

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
