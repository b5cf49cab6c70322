package io.bertlab.testing;

import io.bertlab.api.command.CommandContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One call of a command in a test: its arguments, working directory and standard input, with standard output and
 * error captured. Every module's command tests use this one, so that commands are called the same way everywhere.
 */
public final class CapturingContext implements CommandContext {

    private final List<String> arguments;
    private final Path workingDirectory;
    private final byte[] input;
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    /**
     * A call with an empty standard input.
     *
     * @param workingDirectory the directory relative paths are resolved against
     * @param arguments the command's arguments
     */
    public CapturingContext(Path workingDirectory, String... arguments) {
        this(workingDirectory, "", arguments);
    }

    private CapturingContext(Path workingDirectory, String input, String... arguments) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.input = input.getBytes(StandardCharsets.UTF_8);
        this.arguments = List.of(arguments);
    }

    /**
     * A call reading the given text as its standard input.
     *
     * @param workingDirectory the directory relative paths are resolved against
     * @param input the standard input, as UTF-8
     * @param arguments the command's arguments
     * @return the call
     */
    public static CapturingContext withInput(Path workingDirectory, String input, String... arguments) {
        return new CapturingContext(workingDirectory, input, arguments);
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
        return new ByteArrayInputStream(input);
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    /**
     * What the command printed on standard output.
     *
     * @return the text
     */
    public String outText() {
        out.flush();
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * What the command printed on standard error.
     *
     * @return the text
     */
    public String errText() {
        err.flush();
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}
