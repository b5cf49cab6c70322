package io.bertlab.shell;

/**
 * A bertlab command called from the shell ended with a non-zero status. Gogo needs an exception to stop a script or
 * a pipeline; the command has already told the user why on standard error, so the console prints nothing more.
 */
final class CommandFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    CommandFailedException(String command, int status) {
        super("bertlab " + command + " exited with status " + status);
        this.status = status;
    }

    int status() {
        return status;
    }
}
