package io.bertlab.tokenizer.trainer;

import io.bertlab.api.command.CommandException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code train-tokenizer} writes, checked before the training work so that a typo costs no minutes. */
final class TrainingOutput {

    private TrainingOutput() {
    }

    /**
     * Checks that a tokenizer file can be written there.
     *
     * @param output the {@code --output} file
     * @return the same path
     * @throws CommandException when it is a folder, or its folder is missing or not writable
     */
    static Path check(Path output) throws CommandException {
        if (Files.isDirectory(output)) {
            throw new CommandException("--output " + output + " is a folder; give the tokenizer.json file to write");
        }
        Path folder = output.getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new CommandException("--output " + output + ": the folder " + folder + " does not exist");
        }
        if (folder != null && !Files.isWritable(folder)) {
            throw new CommandException("--output " + output + ": the folder " + folder + " is not writable");
        }
        return output;
    }
}
