package io.bertlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.command.TextLines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console over a real Gogo command processor, with input given as the bytes a terminal or a pipe sends. */
class ShellConsoleTest {

    private final ThreadIOImpl threadIo = new ThreadIOImpl();
    private CommandProcessorImpl processor;
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startGogo() {
        threadIo.start();
        processor = new CommandProcessorImpl(threadIo);
        processor.addCommand("bertlab", (Function) (session, arguments) -> {
            calls.add(arguments.stream().map(String::valueOf).toList()); // as GogoFunction reads them
            return null;
        }, "say");
        processor.addCommand("bertlab", (Function) (session, arguments) -> {
            throw new CommandFailedException("fail", 1);
        }, "fail");
        processor.addCommand("gogo", (Function) (session, arguments) -> "returned " + arguments, "give");
    }

    @AfterEach
    void stopGogo() {
        processor.stop();
        threadIo.stop();
    }

    private int run(byte[] input) {
        ByteArrayInputStream in = new ByteArrayInputStream(input);
        CommandSession session = processor.createSession(in, out, err);
        session.put("SCOPE", ConsoleComponent.SCOPE);
        return new ShellConsole(session, TextLines.withoutReadAhead(in, TextLines.STANDARD_INPUT),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> true).run();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void passesNonAsciiTextThroughAsTyped() {
        assertEquals(0, run(utf8("bertlab:say \"Quero um cart\u00e3o\" \u2615 \u4e2d\u6587\n")));
        assertEquals(List.of(List.of("Quero um cart\u00e3o", "\u2615", "\u4e2d\u6587")), calls);
    }

    @Test
    void exitLeavesWithoutRunningWhatFollows() {
        assertEquals(0, run(utf8("bertlab:say one\nexit\nbertlab:say two\n")));
        assertEquals(List.of(List.of("one")), calls);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedCommandAddsNothingToItsOwnMessageAndTheShellGoesOn() {
        assertEquals(0, run(utf8("bertlab:fail\nbertlab:say after\ngive x\n")));
        assertEquals(List.of(List.of("after")), calls);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("returned [x]"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aLineThatIsNotUtf8IsReportedAndSkipped() {
        byte[] bad = {'b', 'e', 'r', 't', 'l', 'a', 'b', ':', 's', 'a', 'y', ' ', (byte) 0xE3, 'o', '\n'};
        byte[] input = new byte[bad.length + 16];
        System.arraycopy(bad, 0, input, 0, bad.length);
        System.arraycopy(utf8("bertlab:say ok\n"), 0, input, bad.length, 15);
        assertEquals(0, run(java.util.Arrays.copyOf(input, bad.length + 15)));
        assertEquals(List.of(List.of("ok")), calls);
        assertEquals("bertlab shell: standard input: line 1, byte offset 12: invalid UTF-8 (0xE3); the line was not"
                + " run\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unknownCommandsAreReportedOnStandardError() {
        assertEquals(0, run(utf8("nonesuch\n")));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("gogo: CommandNotFoundException"),
                err.toString(StandardCharsets.UTF_8));
    }
}
