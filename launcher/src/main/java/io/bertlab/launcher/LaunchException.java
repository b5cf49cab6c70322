package io.bertlab.launcher;

/** A reason the launcher cannot go on, said in one line, with the exit status to end with. */
public final class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Exit status for a wrong launcher command line (unknown option, unknown feature). */
    public static final int USAGE = 2;

    /** Exit status for a system that could not be assembled or started. */
    public static final int FAILURE = 1;

    private final int status;

    LaunchException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** @return the exit status */
    public int status() {
        return status;
    }
}
