package io.bertlab.api.command;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Everything one run of a {@link Command} sees: its arguments, its streams and its working directory. */
@ProviderType
public interface CommandContext {

    /**
     * The arguments after the command name, exactly as typed.
     *
     * @return an unmodifiable list
     */
    List<String> arguments();

    /**
     * Where results go. Machine-readable output (JSON lines, tables) goes here and nowhere else.
     *
     * @return the standard output of this call
     */
    PrintStream out();

    /**
     * Where diagnostics and progress go.
     *
     * @return the standard error of this call
     */
    PrintStream err();

    /**
     * Input for commands that read {@code -}.
     *
     * @return the standard input of this call
     */
    InputStream in();

    /**
     * The directory that relative paths in arguments are resolved against.
     *
     * @return an absolute path
     */
    Path workingDirectory();

    /**
     * Resolves a path argument against {@link #workingDirectory()}.
     *
     * @param argument a path as typed by the user
     * @return the absolute, normalised path
     */
    default Path resolve(String argument) {
        return workingDirectory().resolve(argument).toAbsolutePath().normalize();
    }
}
