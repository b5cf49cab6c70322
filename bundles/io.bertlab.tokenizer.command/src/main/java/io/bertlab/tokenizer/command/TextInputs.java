package io.bertlab.tokenizer.command;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.command.FileErrors;
import io.bertlab.api.command.TextLines;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts of a call: its TEXT arguments, then each line of {@code --input} (a file, or {@code -} for stdin), read
 * with {@link TextLines} as every command reads text.
 */
final class TextInputs {

    private TextInputs() {
    }

    static List<String> read(String command, CommandContext call, Arguments arguments) throws CommandException {
        List<String> texts = new ArrayList<>(arguments.positional());
        if (arguments.has("--input")) {
            String input = arguments.value("--input").get();
            try (TextLines lines = input.equals("-") ? TextLines.of(call.in(), TextLines.STANDARD_INPUT)
                    : TextLines.open(call.resolve(input))) {
                texts.addAll(lines.readAll());
            } catch (IOException e) {
                throw new CommandException(FileErrors.describe(e), e);
            }
        }
        if (texts.isEmpty()) {
            throw new UsageException(command + ": no text given (TEXT arguments or --input)");
        }
        return texts;
    }
}
