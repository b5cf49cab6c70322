package io.bertlab.api.command;

/** The command line was wrong: an unknown option, a missing value, a malformed number. Exit status 2. */
public class UsageException extends CommandException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    /** Exit status for a wrong command line. */
    public static final int USAGE = 2;

    /**
     * A usage error.
     *
     * @param message what was wrong and what was expected
     */
    public UsageException(String message) {
        super(message, USAGE, null);
    }
}
