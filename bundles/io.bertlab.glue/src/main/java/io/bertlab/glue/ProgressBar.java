package io.bertlab.glue;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * One progress line on standard error, redrawn in place at most every half second: done/total, rate, time left and
 * the running loss. Standard output stays clean for results.
 */
final class ProgressBar {

    private static final long REDRAW_NANOS = 500_000_000L;
    private static final int WIDTH = 24;

    private final PrintStream err;
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private long done;
    private long examples;

    ProgressBar(PrintStream err, String label, long total) {
        this.err = err;
        this.label = label;
        this.total = total;
    }

    /**
     * Records progress and redraws when it is time.
     *
     * @param steps steps done so far
     * @param examplesDone examples processed by this bar so far
     * @param loss the running loss, NaN when there is none
     */
    void update(long steps, long examplesDone, double loss) {
        done = steps;
        examples = examplesDone;
        long now = System.nanoTime();
        if (now - lastDrawn >= REDRAW_NANOS || steps == total) {
            lastDrawn = now;
            err.print("\r" + line(loss, now));
            err.flush();
        }
    }

    /** Ends the line so that the next message starts on its own. */
    void finish() {
        err.print("\r\033[K");
        err.flush();
    }

    private String line(double loss, long now) {
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        double rate = examples / seconds;
        long left = done == 0 ? 0 : (long) (seconds * (total - done) / done);
        return String.format(Locale.ROOT, "%s [%s] %d/%d %.1f examples/s ETA %s%s\033[K", label, bar, done, total,
                rate, format(Duration.ofSeconds(left)), Double.isNaN(loss) ? "" : String.format(Locale.ROOT,
                        " loss %.4f", loss));
    }

    static String format(Duration duration) {
        long s = duration.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
