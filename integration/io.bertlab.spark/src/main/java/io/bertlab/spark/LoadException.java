package io.bertlab.spark;

/**
 * A model or tokenizer that could not be loaded on an executor. The message names the path as the executor saw it
 * and the host (and executor) it was on, since a path readable on the driver may not be on every worker.
 */
public final class LoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param what {@code model} or {@code tokenizer}
     * @param path the path as this JVM resolved it
     * @param reason what went wrong
     * @param cause the underlying failure, or {@code null}
     */
    LoadException(String what, String path, String reason, Throwable cause) {
        super("cannot load " + what + " " + path + " on " + ExecutorHost.describe() + ": " + reason, cause);
    }
}
