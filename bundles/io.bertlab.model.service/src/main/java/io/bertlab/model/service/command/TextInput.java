package io.bertlab.model.service.command;

import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.FileErrors;
import io.bertlab.api.command.TextLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The texts a command works on: its positional arguments, or the lines of {@code --input FILE} ({@code -} for
 * standard input), read with {@link TextLines} as every command reads text.
 */
final class TextInput {

    private TextInput() {
    }

    static List<String> read(CommandContext context, String command, String input, List<String> arguments)
            throws CommandException {
        if (input == null) {
            if (arguments.isEmpty()) {
                throw new io.bertlab.api.command.UsageException(command + ": give TEXT arguments or --input FILE|-");
            }
            return arguments;
        }
        if (!arguments.isEmpty()) {
            throw new io.bertlab.api.command.UsageException(command + ": give either TEXT arguments or --input, not both");
        }
        try (TextLines lines = input.equals("-") ? TextLines.of(context.in(), TextLines.STANDARD_INPUT)
                : TextLines.open(context.resolve(input))) {
            return lines.readAll();
        } catch (IOException e) {
            throw new CommandException(FileErrors.describe(e), e);
        }
    }

    static Path path(CommandContext context, String argument) {
        return context.resolve(argument);
    }
}
