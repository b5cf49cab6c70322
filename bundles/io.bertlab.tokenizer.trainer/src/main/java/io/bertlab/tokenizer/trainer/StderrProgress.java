package io.bertlab.tokenizer.trainer;

import io.bertlab.api.progress.ProgressListener;
import java.io.PrintStream;

/** Progress as lines on an error stream: one when the task changes, then at most one per interval. */
final class StderrProgress implements ProgressListener {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private String lastTask = "";
    private long lastPrinted;

    StderrProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(String task, long done, long total) {
        long now = System.nanoTime();
        if (task.equals(lastTask) && now - lastPrinted < INTERVAL_NANOS && done != total) {
            return;
        }
        lastTask = task;
        lastPrinted = now;
        err.println(total < 0 ? task + ": " + done : task + ": " + done + "/" + total);
    }
}
