package io.bertlab.model.service.command;

import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts a command works on: its positional arguments, or the lines of {@code --input FILE} ({@code -} for
 * standard input), read as strict UTF-8 so that invalid bytes are reported with their line instead of being
 * replaced silently.
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
        String name = input.equals("-") ? "standard input" : context.resolve(input).toString();
        try (InputStream stream = input.equals("-") ? context.in() : Files.newInputStream(context.resolve(input))) {
            return lines(stream, name);
        } catch (NoSuchFileException e) {
            throw new CommandException("cannot read " + name + ": no such file");
        } catch (IOException e) {
            throw new CommandException("cannot read " + name + ": " + e.getMessage());
        }
    }

    private static List<String> lines(InputStream stream, String name) throws IOException, CommandException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        List<String> lines = new ArrayList<>();
        long number = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                lines.add(line);
            }
        } catch (CharacterCodingException e) {
            throw new CommandException(name + ": line " + (number + 1) + " is not valid UTF-8 (" + e.getMessage() + ")");
        }
        return lines;
    }

    static Path path(CommandContext context, String argument) {
        return context.resolve(argument);
    }
}
