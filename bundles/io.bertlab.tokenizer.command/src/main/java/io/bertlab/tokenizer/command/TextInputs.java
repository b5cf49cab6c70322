package io.bertlab.tokenizer.command;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** The texts of a call: its TEXT arguments, then each line of {@code --input} (a file, or {@code -} for stdin). */
final class TextInputs {

    private TextInputs() {
    }

    static List<String> read(String command, CommandContext call, Arguments arguments) throws CommandException {
        List<String> texts = new ArrayList<>(arguments.positional());
        if (arguments.has("--input")) {
            String input = arguments.value("--input").get();
            try (BufferedReader reader = input.equals("-")
                    ? new BufferedReader(new InputStreamReader(call.in(), StandardCharsets.UTF_8))
                    : Files.newBufferedReader(call.resolve(input), StandardCharsets.UTF_8)) {
                reader.lines().forEach(texts::add);
            } catch (IOException e) {
                throw new CommandException(command + ": cannot read --input " + input + ": " + e.getMessage());
            } catch (UncheckedIOException e) {
                // lines() reports a malformed (non UTF-8) line this way
                throw new CommandException(command + ": cannot read --input " + input + ": " + e.getCause().getMessage());
            }
        }
        if (texts.isEmpty()) {
            throw new UsageException(command + ": no text given (TEXT arguments or --input)");
        }
        return texts;
    }
}
