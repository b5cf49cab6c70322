package io.bertlab.tokenizer.service;

import io.bertlab.api.command.CommandContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** One call of a command in a test: its arguments, a working directory, a standard input, and what it printed. */
record CommandCall(List<String> arguments, Path workingDirectory, String input, ByteArrayOutputStream output)
        implements CommandContext {

    CommandCall(Path workingDirectory, String input, String... arguments) {
        this(List.of(arguments), workingDirectory, input, new ByteArrayOutputStream());
    }

    @Override
    public PrintStream out() {
        return new PrintStream(output, true, StandardCharsets.UTF_8);
    }

    @Override
    public PrintStream err() {
        return System.err;
    }

    @Override
    public InputStream in() {
        return new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
    }

    /** What the command printed to standard output. */
    String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
