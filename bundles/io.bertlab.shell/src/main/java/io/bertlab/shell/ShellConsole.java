package io.bertlab.shell;

import io.bertlab.api.command.MalformedTextException;
import io.bertlab.api.command.TextLines;
import java.io.IOException;
import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;

/**
 * The interactive shell: reads lines as UTF-8 and runs each in one Gogo session. Gogo's own console turns each
 * input byte into a character, which garbles any non-ASCII text typed or piped in; this one decodes whole lines.
 * {@code exit} or the end of input leaves it, and so does stopping the framework ({@code stop 0}).
 */
final class ShellConsole {

    static final String PROMPT = "g! ";
    static final String WELCOME = "bertlab shell (Apache Felix Gogo): bertlab:help lists bertlab's commands, help"
            + " lists every command; exit or Ctrl-D leaves.";
    private static final String EXIT = "exit";

    private final CommandSession session;
    private final TextLines input;
    private final PrintStream out;
    private final PrintStream err;
    private final BooleanSupplier frameworkRunning;

    /**
     * A console.
     *
     * @param session where lines run
     * @param input the lines typed; read without read-ahead, so commands that read standard input find the rest
     * @param out for the prompt and the results that commands return
     * @param err for failures
     * @param frameworkRunning false once the framework stops, which ends the console
     */
    ShellConsole(CommandSession session, TextLines input, PrintStream out, PrintStream err,
            BooleanSupplier frameworkRunning) {
        this.session = session;
        this.input = input;
        this.out = out;
        this.err = err;
        this.frameworkRunning = frameworkRunning;
    }

    /** @return the exit status: 0, or 1 when standard input cannot be read */
    int run() {
        out.println(WELCOME);
        while (frameworkRunning.getAsBoolean()) {
            out.print(PROMPT);
            out.flush();
            String line;
            try {
                line = input.readLine();
            } catch (MalformedTextException e) {
                err.println("bertlab shell: " + e.getMessage() + "; the line was not run");
                continue;
            } catch (IOException e) {
                err.println("bertlab shell: cannot read " + input.source() + ": " + e.getMessage());
                return 1;
            }
            if (line == null) {
                out.println();
                return 0;
            }
            String command = line.strip();
            if (command.equals(EXIT)) {
                return 0;
            }
            if (!command.isEmpty()) {
                execute(command);
            }
        }
        return 0;
    }

    private void execute(String command) {
        try {
            Object result = session.execute(command);
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
        } catch (CommandFailedException e) {
            // the command said why on standard error; the status is all that is left, kept for scripts
            session.put("status", e.status());
        } catch (Exception e) {
            session.put("exception", e);
            err.println("gogo: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            out.flush();
            err.flush();
        }
    }
}
