package io.bertlab.analysis.attribution;

import io.bertlab.api.command.CommandContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A {@link CommandContext} for tests: given arguments and working directory, standard output and error captured. */
final class CapturingContext implements CommandContext {

    private final List<String> arguments;
    private final Path workingDirectory;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    CapturingContext(Path workingDirectory, String... arguments) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.arguments = List.of(arguments);
    }

    @Override
    public List<String> arguments() {
        return arguments;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return err;
    }

    @Override
    public InputStream in() {
        return new ByteArrayInputStream(new byte[0]);
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    String outText() {
        out.flush();
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String errText() {
        err.flush();
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
