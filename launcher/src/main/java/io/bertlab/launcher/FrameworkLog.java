package io.bertlab.launcher;

import java.io.PrintStream;
import org.apache.felix.framework.Logger;

/**
 * Felix's log ({@code felix.log.logger}): the framework's own logger prints every level on standard output, which
 * belongs to the command's output ({@code embed > out.jsonl}); this one prints on standard error.
 */
final class FrameworkLog extends Logger {

    private static final String[] LEVELS = {"", "ERROR", "WARNING", "INFO", "DEBUG"};

    private final PrintStream err;

    FrameworkLog(PrintStream err) {
        this.err = err;
    }

    @Override
    protected void doLog(int level, String message, Throwable throwable) {
        String name = level > 0 && level < LEVELS.length ? LEVELS[level] : "LEVEL " + level;
        err.println("bertlab: framework " + name + ": " + message);
        if (throwable != null) {
            throwable.printStackTrace(err);
        }
    }
}
