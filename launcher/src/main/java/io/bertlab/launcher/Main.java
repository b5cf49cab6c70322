package io.bertlab.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;

/** {@code bin/bertlab}: parses the launcher options, starts the chosen features and runs a command or the shell. */
public final class Main {

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        String home = System.getProperty("bertlab.home");
        int status = new Main(System.out, System.err).run(args, home == null ? null : Paths.get(home));
        System.out.flush();
        System.exit(status);
    }

    int run(String[] args, Path defaultHome) {
        try {
            LaunchOptions options = LaunchOptions.parse(args, defaultHome);
            if (!options.help() && !options.shell() && options.commandLine().isEmpty()) {
                err.println("bertlab: no command given. Run 'bertlab --help' for the commands.");
                return LaunchException.USAGE;
            }
            // Unless the run may only list the commands, the framework starts while the features are read.
            try (BertlabRuntime.Starting early = listsCommands(options) ? null : BertlabRuntime.begin(options)) {
                return run(options, early);
            }
        } catch (LaunchException e) {
            err.println("bertlab: " + e.getMessage());
            return e.status();
        }
    }

    private int run(LaunchOptions options, BertlabRuntime.Starting early) throws LaunchException {
        FeatureCatalog catalog = FeatureCatalog.read(options.home().resolve("features"));
        CommandIndex index = options.features().isPresent() ? null
                : CommandIndex.read(catalog, options.home().resolve("system"));
        boolean indexKnowsEveryCommand = index != null && knowsEveryCommand(options, index);
        if (indexKnowsEveryCommand && listsCommands(options)) {
            // the list of commands is in the bundles' descriptors: no framework to start for it
            if (options.help()) {
                out.println(LaunchOptions.HELP);
                out.println();
            }
            CommandList.print(out, index.summaries());
            return 0;
        }
        if (indexKnowsEveryCommand && !options.shell() && !options.help() && isUnknown(options.commandLine(), index)) {
            // no bundle of any feature declares it: the dispatcher's answer, without a framework to start for it
            List<String> commandLine = options.commandLine();
            CommandList.printUnknown(err, isHelpAbout(commandLine), subject(commandLine), index.summaries());
            return LaunchException.USAGE;
        }
        List<FeatureCatalog.Entry> chosen = index == null ? catalog.resolve(options.features())
                : featuresFor(options, catalog, index);
        if (options.shell() && chosen.stream().noneMatch(e -> e.name().equals("shell"))) {
            throw new LaunchException("the shell needs the 'shell' feature; add it to --features",
                    LaunchException.USAGE);
        }
        if (options.help()) {
            out.println(LaunchOptions.HELP);
            out.println();
        }
        try (BertlabRuntime.Starting starting = early != null ? early : BertlabRuntime.begin(options);
                BertlabRuntime runtime = starting.install(catalog, chosen)) {
            if (options.shell()) {
                return runtime.runShell();
            }
            if (options.help()) {
                return runtime.execute(List.of("--help"));
            }
            return runtime.execute(options.commandLine());
        }
    }

    /** Whether the run only lists the commands: {@code --help} (without the shell), or {@code help} alone. */
    private static boolean listsCommands(LaunchOptions options) {
        return options.help() && !options.shell() || options.commandLine().equals(List.of(HELP_COMMAND));
    }

    /**
     * The features to start when {@code --features} is absent: those the command needs (see
     * {@link FeatureCatalog#resolveForCommand}), or every feature for the shell, the command list, and a command
     * that no feature's bundle declares or that a plugin in {@code deploy/} declares (a plugin may use any feature,
     * and an unknown command is answered with the full list of commands).
     */
    private static List<FeatureCatalog.Entry> featuresFor(LaunchOptions options, FeatureCatalog catalog,
            CommandIndex index) throws LaunchException {
        List<String> commandLine = options.commandLine();
        if (options.shell() || options.help() || commandLine.isEmpty()) {
            return catalog.resolve(Optional.empty());
        }
        String name = subject(commandLine);
        CommandIndex.Entry command = index.find(name);
        if (command == null || CommandIndex.declaredInFolder(deployFolder(options), name)) {
            return catalog.resolve(Optional.empty());
        }
        return catalog.resolveForCommand(command.features());
    }

    /**
     * Whether the index holds every command there is: it read every bundle, and {@code deploy/} holds no plugin jars
     * (whose commands only a framework learns).
     */
    private static boolean knowsEveryCommand(LaunchOptions options, CommandIndex index) {
        return index.complete() && !CommandIndex.holdsJars(deployFolder(options));
    }

    /** Whether the command, or for {@code help COMMAND} the command asked about, is one that no bundle declares. */
    private static boolean isUnknown(List<String> commandLine, CommandIndex index) {
        if (commandLine.isEmpty()) {
            return false;
        }
        String name = subject(commandLine);
        return !name.equals(HELP_COMMAND) && index.find(name) == null;
    }

    /**
     * The command a command line is about: its first word, or for {@code help COMMAND} the command asked about,
     * since that prints what COMMAND's own service says about itself.
     */
    private static String subject(List<String> commandLine) {
        return isHelpAbout(commandLine) ? commandLine.get(1) : commandLine.get(0);
    }

    /** {@code help COMMAND} (not {@code help --help}). */
    private static boolean isHelpAbout(List<String> commandLine) {
        return commandLine.size() == 2 && commandLine.get(0).equals(HELP_COMMAND)
                && !commandLine.get(1).startsWith("-");
    }

    private static Path deployFolder(LaunchOptions options) {
        return options.home().resolve("deploy");
    }

    /** The dispatcher's built-in command that lists the commands. */
    private static final String HELP_COMMAND = "help";
}
