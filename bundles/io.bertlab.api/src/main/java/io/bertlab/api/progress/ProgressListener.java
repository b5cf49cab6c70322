package io.bertlab.api.progress;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives progress from long-running work. Implemented by callers (a command printing a progress line, a test
 * collecting events); calls may come from any thread, and often: implementations must be cheap and thread-safe.
 */
@ConsumerType
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (task, done, total) -> {
    };

    /**
     * Work advanced.
     *
     * @param task what is being done, e.g. {@code "training RTE epoch 2/3"}
     * @param done units done so far
     * @param total units in all, or {@code -1} when unknown
     */
    void progress(String task, long done, long total);
}
