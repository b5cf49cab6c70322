package io.bertlab.api.command;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts a command works on, by one rule for every command: its TEXT arguments, then each line of
 * {@code --input FILE} ({@code -} for standard input), read with {@link TextLines} as every command reads text.
 *
 * @since 1.2
 */
public final class TextArguments {

    /** The option naming a file of texts, one per line. */
    public static final String INPUT = "--input";

    private TextArguments() {
    }

    /**
     * Reads a call's texts.
     *
     * @param command the command's name, for messages
     * @param context the call
     * @param arguments its parsed arguments ({@value #INPUT} among the valued options)
     * @return the texts, TEXT arguments first
     * @throws UsageException when there is no text at all and no input was named
     * @throws CommandException when the input cannot be read (not found, invalid UTF-8: named by line and byte), or
     *         holds no line and there is no TEXT argument either
     */
    public static List<String> read(String command, CommandContext context, Arguments arguments)
            throws CommandException {
        List<String> texts = new ArrayList<>(arguments.positional());
        if (arguments.has(INPUT)) {
            String input = arguments.value(INPUT).get();
            String source = input.equals("-") ? TextLines.STANDARD_INPUT : context.resolve(input).toString();
            try (TextLines lines = input.equals("-") ? TextLines.of(context.in(), TextLines.STANDARD_INPUT)
                    : TextLines.open(context.resolve(input))) {
                texts.addAll(lines.readAll());
            } catch (IOException e) {
                throw new CommandException(FileErrors.describe(e), e);
            }
            if (texts.isEmpty()) {
                // the command line is right; the file is not what it should be
                throw new CommandException(command + ": " + source + " holds no text (one text per line)");
            }
        }
        if (texts.isEmpty()) {
            throw new UsageException(command + ": no text given (TEXT arguments or " + INPUT + " FILE|-)");
        }
        return texts;
    }
}
