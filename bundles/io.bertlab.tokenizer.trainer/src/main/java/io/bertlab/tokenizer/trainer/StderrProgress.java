package io.bertlab.tokenizer.trainer;

import io.bertlab.api.progress.ProgressListener;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress as lines on an error stream: one when the task changes, then at most one per interval. A task that
 * cannot know its total (counting the words of a streamed corpus) is shown against the corpus read so far.
 */
final class StderrProgress implements ProgressListener {

    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintStream err;
    private final CorpusFiles corpus;
    private final long corpusBytes;
    private String lastTask = "";
    private long lastPrinted;

    /**
     * @param err where the lines go
     * @param corpus the files being read
     * @param corpusBytes their size
     */
    StderrProgress(PrintStream err, CorpusFiles corpus, long corpusBytes) {
        this.err = err;
        this.corpus = corpus;
        this.corpusBytes = corpusBytes;
    }

    @Override
    public synchronized void progress(String task, long done, long total) {
        long now = System.nanoTime();
        if (task.equals(lastTask) && now - lastPrinted < INTERVAL_NANOS && done != total) {
            return;
        }
        lastTask = task;
        lastPrinted = now;
        err.println(total >= 0 ? task + ": " + done + "/" + total
                : task + ": " + done + " lines, " + megabytes(corpus.bytesRead()) + " of " + megabytes(corpusBytes)
                        + " MB read");
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
