package io.bertlab.api.command;

/**
 * A failure that a command reports to its user as one clear line (no stack trace) and an exit status.
 * The message says what failed and where: the file, the line or field, what was expected.
 */
public class CommandException extends Exception {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** Exit status for work that failed. */
    public static final int FAILURE = 1;

    private final int exitStatus;

    /**
     * A failure with exit status {@link #FAILURE}.
     *
     * @param message what failed, for the user
     */
    public CommandException(String message) {
        this(message, FAILURE, null);
    }

    /**
     * A failure with exit status {@link #FAILURE} caused by another exception.
     *
     * @param message what failed, for the user
     * @param cause the underlying exception
     */
    public CommandException(String message, Throwable cause) {
        this(message, FAILURE, cause);
    }

    /**
     * A failure with a chosen exit status.
     *
     * @param message what failed, for the user
     * @param exitStatus the process exit status, non-zero
     * @param cause the underlying exception, or {@code null}
     */
    protected CommandException(String message, int exitStatus, Throwable cause) {
        super(message, cause);
        if (exitStatus == 0) {
            throw new IllegalArgumentException("a failure needs a non-zero exit status");
        }
        this.exitStatus = exitStatus;
    }

    /**
     * The exit status the process ends with.
     *
     * @return a non-zero status
     */
    public int exitStatus() {
        return exitStatus;
    }
}
