package io.bertlab.pretrain;

import io.bertlab.api.command.CommandContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** One call of a command in a test: its arguments, a working directory, and what it printed on both streams. */
record CommandCall(List<String> arguments, Path workingDirectory, ByteArrayOutputStream output,
        ByteArrayOutputStream errors) implements CommandContext {

    CommandCall(Path workingDirectory, String... arguments) {
        this(List.of(arguments), workingDirectory, new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    @Override
    public PrintStream out() {
        return new PrintStream(output, true, StandardCharsets.UTF_8);
    }

    @Override
    public PrintStream err() {
        return new PrintStream(errors, true, StandardCharsets.UTF_8);
    }

    @Override
    public InputStream in() {
        return new ByteArrayInputStream(new byte[0]);
    }

    String printedErrors() {
        return errors.toString(StandardCharsets.UTF_8);
    }
}
