package io.bertlab.launcher;

import java.io.PrintStream;
import java.util.Map;

/**
 * The command list as the launcher prints it without a framework, from the {@link CommandIndex}. It must read exactly
 * as the dispatcher's own list ({@code io.bertlab.command.HelpText}, inside the framework, which the launcher cannot
 * load): {@code CommandLineIT} compares the two outputs, so a change to one that misses the other fails there.
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
}
