package io.bertlab.pretrain.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * The run's progress as one line on standard error, redrawn in place at most twice a second (and at the last step):
 * steps done of all, the running loss, the latest accuracy of each task, tokens per second and the time left.
 * Standard output stays clean for the summary. (The GLUE runner draws the same kind of line.)
 */
final class ProgressLine {

    private static final long REDRAW_NANOS = 500_000_000L;
    private static final int WIDTH = 20;

    private final PrintStream err;
    private final long total;
    private long lastDrawn;
    private boolean drawn;

    ProgressLine(PrintStream err, long total) {
        this.err = err;
        this.total = total;
    }

    /**
     * Records progress and redraws when it is time.
     *
     * @param step steps done
     * @param loss the running loss
     * @param accuracy the latest accuracy per task (NaN before the first measure)
     * @param tokensPerSecond real tokens per second of training
     * @param secondsPerStep the mean wall-clock time of a step so far (evaluations and checkpoints included), for the
     *        time left
     */
    void update(long step, double loss, Map<String, Double> accuracy, double tokensPerSecond,
            double secondsPerStep) {
        long now = System.nanoTime();
        if (drawn && now - lastDrawn < REDRAW_NANOS && step < total) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * step / total);
        StringBuilder line = new StringBuilder("\rpretrain [").append("#".repeat(filled))
                .append(".".repeat(WIDTH - filled)).append(String.format(Locale.ROOT, "] %d/%d loss %.4f", step, total,
                        loss));
        accuracy.forEach((task, value) -> {
            if (!value.isNaN()) {
                line.append(String.format(Locale.ROOT, " %s-acc %.3f", task, value));
            }
        });
        line.append(String.format(Locale.ROOT, " %.0f tokens/s ETA %s\033[K", tokensPerSecond,
                duration((long) (secondsPerStep * (total - step)))));
        err.print(line);
        err.flush();
    }

    /** Clears the line so that the next message starts on its own. */
    void finish() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
