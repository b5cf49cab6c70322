package io.bertlab.api.command;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs command lines against the {@link Command} services in the registry. The launcher behind
 * {@code bin/bertlab} and the Gogo shell both go through it, so a command behaves the same everywhere: the same
 * help, the same error messages, the same exit statuses.
 */
@ProviderType
public interface CommandDispatcher {

    /**
     * Runs one command line.
     *
     * <p>{@code []} and {@code [--help]} print the list of commands; {@code [name, --help]} prints that command's
     * help. Failures are printed to {@code err} as one line (stack traces only for internal errors).
     *
     * @param commandLine the command name followed by its arguments
     * @param out standard output of the call
     * @param err standard error of the call
     * @param in standard input of the call
     * @param workingDirectory directory against which relative paths are resolved
     * @return the exit status: {@code 0} success, {@value CommandException#FAILURE} failure,
     *     {@value UsageException#USAGE} wrong command line or unknown command, {@value #INTERNAL_ERROR} a bug
     */
    int execute(List<String> commandLine, PrintStream out, PrintStream err, InputStream in, Path workingDirectory);

    /**
     * The commands available now.
     *
     * @return command names mapped to their one-line summaries, sorted by name
     */
    SortedMap<String, String> commands();

    /** Exit status for an unexpected exception inside a command (a bug, reported with its stack trace). */
    int INTERNAL_ERROR = 70;
}
