package io.bertlab.command;

import io.bertlab.api.command.CommandContext;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The streams and arguments of one command call. */
record SimpleCommandContext(List<String> arguments, PrintStream out, PrintStream err, InputStream in,
        Path workingDirectory) implements CommandContext {
}
