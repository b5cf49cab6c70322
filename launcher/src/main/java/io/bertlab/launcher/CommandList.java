package io.bertlab.launcher;

import java.io.PrintStream;
import java.util.Map;

/**
 * The command list, and the answer to an unknown command, as the launcher prints them without a framework, from the
 * {@link CommandIndex}. They must read exactly as the dispatcher's own ({@code io.bertlab.command.HelpText} and
 * {@code CommandDispatcherComponent}, inside the framework, which the launcher cannot load): {@code CommandLineIT}
 * compares the outputs, so a change to one that misses the other fails there.
 */
final class CommandList {

    private CommandList() {
    }

    static void print(PrintStream out, Map<String, String> commands) {
        out.println("Commands:");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        commands.forEach((name, summary) -> out.printf("  %-" + width + "s  %s%n", name, summary));
        out.println();
        out.println("Run 'bertlab <command> --help' for a command's options.");
    }

    /**
     * The answer to a command, or {@code help}'s subject, that no bundle declares.
     *
     * @param err where the answer goes
     * @param askedByHelp whether the command line was {@code help COMMAND}
     * @param name the command
     * @param commands every command's summary, by name
     */
    static void printUnknown(PrintStream err, boolean askedByHelp, String name, Map<String, String> commands) {
        String names = String.join(", ", commands.keySet());
        if (askedByHelp) {
            err.println("bertlab help: unknown command '" + name + "'. Commands: " + names);
        } else {
            err.println("bertlab: unknown command '" + name + "'. Commands: " + names
                    + ". Run 'bertlab --help' for more.");
        }
    }
}
