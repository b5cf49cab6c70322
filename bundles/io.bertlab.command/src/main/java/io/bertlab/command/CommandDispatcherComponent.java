package io.bertlab.command;

import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandDispatcher;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.UsageException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The one {@link CommandDispatcher}: looks commands up by name among the registered {@link Command} services.
 * {@code help} is built in rather than a service of its own, since it needs this dispatcher and the dispatcher
 * follows every command: a service would make the two wait for each other. Its name and summary are still declared
 * as command properties (on the dispatcher's own service, which no command table follows), so that the launcher,
 * which lists the commands from the bundles' component descriptors without starting a framework, lists it too.
 */
@Component(service = CommandDispatcher.class)
@CommandProperties(name = CommandDispatcherComponent.HELP, summary = CommandDispatcherComponent.HELP_SUMMARY)
public class CommandDispatcherComponent implements CommandDispatcher {

    static final String HELP = "help";
    static final String HELP_SUMMARY = "List the commands, or show one command's help";
    private static final String HELP_USAGE = String.join("\n",
            "Usage: bertlab help [COMMAND]",
            "",
            "Without COMMAND, lists every command with its summary; with COMMAND, prints its options.",
            "Same as 'bertlab --help' and 'bertlab COMMAND --help'.");

    private final CommandTable table = new CommandTable();

    /** Binds a command without activating it: see {@link CommandService}. */
    @Reference(service = Command.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCommand(ComponentServiceObjects<Command> command, Map<String, Object> properties) {
        table.add(new CommandService(command), properties);
    }

    void removeCommand(ComponentServiceObjects<Command> command, Map<String, Object> properties) {
        table.remove(properties);
    }

    @Override
    public int execute(List<String> commandLine, PrintStream out, PrintStream err, InputStream in,
            Path workingDirectory) {
        if (commandLine.isEmpty() || isHelpOption(commandLine.get(0))) {
            HelpText.printCommandList(out, commands());
            return 0;
        }
        String name = commandLine.get(0);
        List<String> arguments = List.copyOf(commandLine.subList(1, commandLine.size()));
        if (name.equals(HELP)) {
            return help(arguments, out, err);
        }
        CommandTable.Entry entry = table.find(name);
        if (entry == null) {
            err.println("bertlab: unknown command '" + name + "'. Commands: " + String.join(", ", commands().keySet())
                    + ". Run 'bertlab --help' for more.");
            return UsageException.USAGE;
        }
        if (arguments.size() == 1 && isHelpOption(arguments.get(0))) {
            return printCommandHelp(entry, out, err);
        }
        CommandContext context = new SimpleCommandContext(arguments, CallStreams.output(out), CallStreams.output(err),
                CallStreams.input(in), workingDirectory);
        try {
            return entry.command().get().run(context);
        } catch (UsageException e) {
            err.println("bertlab " + name + ": " + withoutCommandPrefix(name, e.getMessage()));
            err.println("Run 'bertlab " + name + " --help' for its options.");
            return e.exitStatus();
        } catch (CommandException e) {
            err.println("bertlab " + name + ": " + withoutCommandPrefix(name, e.getMessage()));
            return e.exitStatus();
        } catch (OutOfMemoryError e) {
            // Once the command has unwound, what filled the heap is garbage: there is room to say what to do.
            err.println("bertlab " + name + ": out of memory (" + e.getMessage() + "; the heap holds at most "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB): give the JVM more, e.g."
                    + " BERTLAB_JAVA_OPTS=-Xmx16g, or give the command less to hold at once (a smaller --batch-size"
                    + " or --max-length)");
            return CommandException.FAILURE;
        } catch (Exception | LinkageError e) {
            err.println("bertlab " + name + ": internal error: " + e);
            e.printStackTrace(err);
            return INTERNAL_ERROR;
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    /** {@code COMMAND --help} and {@code help COMMAND}: the first that activates the command, if nothing ran it. */
    private static int printCommandHelp(CommandTable.Entry entry, PrintStream out, PrintStream err) {
        try {
            HelpText.printCommandHelp(out, entry.name(), entry.summary(), entry.command().get().help());
            return 0;
        } catch (CommandException e) {
            err.println("bertlab " + entry.name() + ": " + e.getMessage());
            return e.exitStatus();
        }
    }

    private int help(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.isEmpty()) {
            HelpText.printCommandList(out, commands());
            return 0;
        }
        if (arguments.size() == 1 && !arguments.get(0).startsWith("-")) {
            CommandTable.Entry entry = table.find(arguments.get(0));
            if (entry != null) {
                return printCommandHelp(entry, out, err);
            }
            if (arguments.get(0).equals(HELP)) {
                HelpText.printCommandHelp(out, HELP, HELP_SUMMARY, HELP_USAGE);
                return 0;
            }
            err.println("bertlab help: unknown command '" + arguments.get(0) + "'. Commands: "
                    + String.join(", ", commands().keySet()));
            return UsageException.USAGE;
        }
        HelpText.printCommandHelp(arguments.size() == 1 && isHelpOption(arguments.get(0)) ? out : err, HELP,
                HELP_SUMMARY, HELP_USAGE);
        return arguments.size() == 1 && isHelpOption(arguments.get(0)) ? 0 : UsageException.USAGE;
    }

    @Override
    public SortedMap<String, String> commands() {
        SortedMap<String, String> commands = new TreeMap<>();
        commands.put(HELP, HELP_SUMMARY);
        for (CommandTable.Entry entry : table.entries()) {
            commands.putIfAbsent(entry.name(), entry.summary());
        }
        return commands;
    }

    private static boolean isHelpOption(String argument) {
        return argument.equals("--help") || argument.equals("-h");
    }

    /** Messages may already start with "name: " (see {@link io.bertlab.api.command.Arguments}); say it once. */
    private static String withoutCommandPrefix(String name, String message) {
        String prefix = name + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    static String nameOf(java.util.Map<String, Object> properties) {
        return String.valueOf(properties.get(CommandProperties.NAME));
    }
}
