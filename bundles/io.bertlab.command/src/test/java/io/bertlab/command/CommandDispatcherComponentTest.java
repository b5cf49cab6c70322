package io.bertlab.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandDispatcher;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.UsageException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;

/** The dispatcher's behaviour, with real command objects bound the way Declarative Services binds them. */
class CommandDispatcherComponentTest {

    private final CommandDispatcherComponent dispatcher = new CommandDispatcherComponent();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Echoes its arguments, fails on request: enough behaviour to tell the dispatcher's paths apart. */
    private static Command echo(String prefix) {
        return new Command() {
            @Override
            public String help() {
                return "Usage: bertlab echo [WORD...]";
            }

            @Override
            public int run(CommandContext context) throws Exception {
                List<String> words = context.arguments();
                if (words.contains("--bad")) {
                    throw new UsageException("echo: unknown option --bad");
                }
                if (words.contains("fail")) {
                    throw new CommandException("cannot read /tmp/x.txt: no such file");
                }
                if (words.contains("bug")) {
                    throw new IllegalStateException("boom");
                }
                if (words.contains("huge")) {
                    // 16 GB in one array: more than the test JVM's heap, a real OutOfMemoryError
                    long[] huge = new long[Integer.MAX_VALUE - 8];
                    context.out().println(huge.length);
                }
                context.out().println(prefix + String.join(" ", words));
                return 0;
            }
        };
    }

    /** A command service as Declarative Services hands it to a reference: obtained and released on demand. */
    private static final class Service implements ComponentServiceObjects<Command> {

        private final Command command;
        private int gets;
        private int held;

        Service(Command command) {
            this.command = command;
        }

        @Override
        public Command getService() {
            gets++;
            held += command == null ? 0 : 1;
            return command;
        }

        @Override
        public void ungetService(Command service) {
            held--;
        }

        @Override
        public ServiceReference<Command> getServiceReference() {
            throw new UnsupportedOperationException("not needed by the dispatcher");
        }
    }

    private static Service service(Command command) {
        return new Service(command);
    }

    private static Map<String, Object> properties(String name, int ranking, long id) {
        return Map.of(CommandProperties.NAME, name, CommandProperties.SUMMARY, "Print words",
                Constants.SERVICE_RANKING, ranking, Constants.SERVICE_ID, id);
    }

    private int run(String... commandLine) {
        return dispatcher.execute(List.of(commandLine), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), Path.of("/"));
    }

    @Test
    void runsTheCommandWithItsArguments() {
        dispatcher.addCommand(service(echo("")), properties("echo", 0, 1));
        assertEquals(0, run("echo", "a", "b"));
        assertEquals("a b\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void mapsFailuresToStatusesAndOneLineMessages() {
        dispatcher.addCommand(service(echo("")), properties("echo", 0, 1));
        assertEquals(UsageException.USAGE, run("echo", "--bad"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("bertlab echo: unknown option --bad\n"));
        err.reset();
        assertEquals(CommandException.FAILURE, run("echo", "fail"));
        assertEquals("bertlab echo: cannot read /tmp/x.txt: no such file\n", err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(CommandDispatcher.INTERNAL_ERROR, run("echo", "bug"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("internal error: java.lang.IllegalStateException"));
    }

    @Test
    void runningOutOfMemoryIsOneLineSayingWhatToDo() {
        dispatcher.addCommand(service(echo("")), properties("echo", 0, 1));
        assertEquals(CommandException.FAILURE, run("echo", "huge"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.startsWith("bertlab echo: out of memory (Java heap space; the heap holds at most "),
                message);
        assertTrue(message.endsWith(" MB): give the JVM more, e.g. BERTLAB_JAVA_OPTS=-Xmx16g, or give the command"
                + " less to hold at once (a smaller --batch-size or --max-length)\n"), message);
        assertEquals(1, message.lines().count(), "no stack trace: " + message);
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertEquals(UsageException.USAGE, run("nope"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown command 'nope'"));
    }

    @Test
    void helpListsCommandsAndShowsOneCommandsHelp() {
        dispatcher.addCommand(service(echo("")), properties("echo", 0, 1));
        assertEquals(0, run("--help"));
        String list = out.toString(StandardCharsets.UTF_8);
        assertTrue(list.contains("  echo  Print words"), list);
        assertTrue(list.contains("  help  List the commands"), list);
        out.reset();
        assertEquals(0, run("echo", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: bertlab echo [WORD...]"));
        out.reset();
        assertEquals(0, run("help", "echo"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: bertlab echo [WORD...]"));
    }

    @Test
    void higherRankedCommandOfTheSameNameWinsAndTheOtherReturnsWhenItLeaves() {
        Command original = echo("original: ");
        Command replacement = echo("replacement: ");
        dispatcher.addCommand(service(original), properties("echo", 0, 1));
        Service replacementService = service(replacement);
        dispatcher.addCommand(replacementService, properties("echo", 10, 2));
        run("echo", "x");
        dispatcher.removeCommand(replacementService, properties("echo", 10, 2));
        run("echo", "y");
        assertEquals("replacement: x\noriginal: y\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(0, replacementService.held, "the replaced command's object goes back to the framework");
    }

    @Test
    void aCommandIsActivatedOnlyWhenItRunsOrShowsItsHelp() {
        Service echo = service(echo(""));
        Service other = service(echo("other: "));
        dispatcher.addCommand(echo, properties("echo", 0, 1));
        dispatcher.addCommand(other, properties("other", 0, 2));
        assertEquals(0, run("--help"));
        assertEquals(0, echo.gets + other.gets, "listing the commands activates none");
        assertEquals(0, run("echo", "x"));
        assertEquals(0, run("echo", "--help"));
        assertEquals(0, run("help", "echo"));
        assertEquals(1, echo.gets, "obtained once, kept while bound");
        assertEquals(0, other.gets);
    }

    @Test
    void aCommandWhoseComponentCannotActivateSaysSo() {
        dispatcher.addCommand(new Service(null), properties("broken", 0, 1));
        assertEquals(CommandException.FAILURE, run("broken"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("bertlab broken: the command's component could"
                + " not be activated"), () -> err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCommandThatClosesItsStreamsLeavesTheCallersOpen() throws Exception {
        Command closing = new Command() {
            @Override
            public String help() {
                return "Usage: bertlab closing";
            }

            @Override
            public int run(CommandContext context) throws Exception {
                try (PrintStream output = context.out(); var input = context.in()) {
                    output.println("once " + (char) input.read());
                }
                context.err().close();
                return 0;
            }
        };
        dispatcher.addCommand(service(closing), properties("closing", 0, 1));
        PrintStream callerOut = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream callerErr = new PrintStream(err, true, StandardCharsets.UTF_8);
        ByteArrayInputStream callerIn = new ByteArrayInputStream("ab".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                throw new AssertionError("the caller's input was closed");
            }
        };
        for (int call = 0; call < 2; call++) {
            assertEquals(0, dispatcher.execute(List.of("closing"), callerOut, callerErr, callerIn, Path.of("/")));
        }
        callerOut.println("the caller still writes");
        callerErr.println("and so does its error stream");
        assertEquals("once a\nonce b\nthe caller still writes\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("and so does its error stream\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void commandTextIsUtf8WhateverTheCallersCharset() {
        dispatcher.addCommand(service(echo("")), properties("echo", 0, 1));
        PrintStream latin1 = new PrintStream(out, true, StandardCharsets.ISO_8859_1);
        dispatcher.execute(List.of("echo", "cart\u00e3o", "\u2615"), latin1, latin1,
                new ByteArrayInputStream(new byte[0]), Path.of("/"));
        assertEquals("cart\u00e3o \u2615\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aUsageErrorPointsToTheCommandsHelpOnce() {
        dispatcher.addCommand(service(echo("")), properties("echo", 0, 1));
        assertEquals(UsageException.USAGE, run("echo", "--bad"));
        assertEquals("bertlab echo: unknown option --bad\nRun 'bertlab echo --help' for its options.\n",
                err.toString(StandardCharsets.UTF_8));
    }
}
