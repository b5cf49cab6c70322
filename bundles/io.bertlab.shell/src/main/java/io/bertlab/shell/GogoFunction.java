package io.bertlab.shell;

import io.bertlab.api.command.CommandDispatcher;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;

/**
 * One bertlab command as Gogo sees it. Gogo redirects {@code System.out}/{@code System.err}/{@code System.in} per
 * session, so the command works with the shell that called it, and relative paths follow the session's {@code cd}.
 * A non-zero exit status becomes a {@link CommandFailedException}, which stops a script as Gogo expects.
 */
final class GogoFunction implements Function {

    private final String name;
    private final CommandDispatcher dispatcher;

    GogoFunction(String name, CommandDispatcher dispatcher) {
        this.name = name;
        this.dispatcher = dispatcher;
    }

    @Override
    public Object execute(CommandSession session, List<Object> arguments) throws Exception {
        List<String> commandLine = new ArrayList<>(arguments.size() + 1);
        commandLine.add(name);
        for (Object argument : arguments) {
            commandLine.add(String.valueOf(argument));
        }
        int status = dispatcher.execute(commandLine, System.out, System.err, System.in, workingDirectory(session));
        if (status != 0) {
            throw new CommandFailedException(name, status);
        }
        return null;
    }

    private static Path workingDirectory(CommandSession session) {
        Path current = session == null ? null : session.currentDir();
        return current != null ? current : Paths.get(System.getProperty("user.dir"));
    }
}
