package io.bertlab.command;

import java.io.PrintStream;
import java.util.Map;

/** How help looks, in one place: the command list and one command's help. */
final class HelpText {

    private HelpText() {
    }

    static void printCommandList(PrintStream out, Map<String, String> commands) {
        out.println("Commands:");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        commands.forEach((name, summary) -> out.printf("  %-" + width + "s  %s%n", name, summary));
        out.println();
        out.println("Run 'bertlab <command> --help' for a command's options.");
    }

    static void printCommandHelp(PrintStream out, String name, String summary, String help) {
        out.println("bertlab " + name + " - " + summary);
        out.println();
        out.println(help);
    }
}
