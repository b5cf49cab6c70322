package io.bertlab.api.command;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A command that people run as {@code bin/bertlab <name> [args]} or as {@code bertlab:<name>} in the Gogo shell.
 *
 * <p>Register implementations as OSGi services with the properties of {@link CommandProperties} (its
 * {@code name} selects the command, its {@code summary} is the one line shown by {@code bertlab --help}). The
 * same service object serves the command line and the shell, so a command must not keep per-call state in
 * fields: everything a call needs arrives in its {@link CommandContext}.
 *
 * <p>Exit statuses follow the Unix convention: {@code 0} success, {@link CommandException#FAILURE} when the work
 * failed, {@link UsageException#USAGE} when the command line itself was wrong.
 */
@ConsumerType
public interface Command {

    /**
     * The full help text printed for {@code bertlab <name> --help}: synopsis, options, and an example.
     *
     * @return help text, several lines, without a trailing newline
     */
    String help();

    /**
     * Runs the command once.
     *
     * @param context the arguments (without the command name) and the streams of this call
     * @return the exit status, {@code 0} on success
     * @throws UsageException when the arguments are wrong (unknown option, missing value, ...)
     * @throws CommandException when the work fails for a reason worth a clear one-line message
     * @throws Exception anything else; callers report it with its stack trace as an internal error
     */
    int run(CommandContext context) throws Exception;
}
