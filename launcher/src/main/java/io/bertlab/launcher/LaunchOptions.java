package io.bertlab.launcher;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's own options, which come before the command: {@code bertlab [--features a,b] [--home DIR]
 * [--config FILE] <command> [args]}. Everything from the command on belongs to the command.
 */
public record LaunchOptions(Path home, Optional<List<String>> features, Optional<Path> config, boolean help,
        List<String> commandLine) {

    static final String HELP = String.join("\n",
            "Usage: bertlab [LAUNCHER OPTIONS] <command> [ARGS...]",
            "       bertlab [LAUNCHER OPTIONS] shell",
            "",
            "bertlab starts an OSGi framework (Apache Felix) with the chosen features, runs one command",
            "against the services in the registry and exits with its status; 'shell' opens the Gogo shell",
            "with the same commands (as bertlab:<command>).",
            "",
            "Launcher options:",
            "  --features a,b   features to install (default: every file in features/); see 'bertlab features'",
            "  --home DIR       the distribution folder (default: set by bin/bertlab)",
            "  --config FILE    extra framework properties (Java properties file); conf/bertlab.properties",
            "                   is read first when present",
            "  --help, -h       this help and the list of commands",
            "",
            "Bundles and .cfg/.config files dropped into deploy/ are installed while bertlab runs.",
            "Exit status: 0 success, 1 failure, 2 wrong command line, 70 internal error.");

    /**
     * Parses the launcher's options.
     *
     * @param args the process arguments
     * @param defaultHome the home used when {@code --home} is absent, or {@code null}
     * @return the options
     * @throws LaunchException for an unknown option or a missing value
     */
    public static LaunchOptions parse(String[] args, Path defaultHome) throws LaunchException {
        Path home = defaultHome;
        Optional<List<String>> features = Optional.empty();
        Optional<Path> config = Optional.empty();
        boolean help = false;
        int i = 0;
        for (; i < args.length && args[i].startsWith("-"); i++) {
            String option = args[i];
            switch (option) {
                case "--help", "-h" -> help = true;
                case "--features" -> features = Optional.of(featureNames(valueOf(args, ++i, option)));
                case "--home" -> home = Paths.get(valueOf(args, ++i, option));
                case "--config" -> config = Optional.of(Paths.get(valueOf(args, ++i, option)));
                default -> throw new LaunchException("unknown option " + option + " (see 'bertlab --help')",
                        LaunchException.USAGE);
            }
        }
        if (home == null) {
            throw new LaunchException("no home folder: pass --home DIR or run through bin/bertlab",
                    LaunchException.USAGE);
        }
        List<String> commandLine = new ArrayList<>(Arrays.asList(args).subList(i, args.length));
        return new LaunchOptions(home.toAbsolutePath().normalize(), features, config, help, commandLine);
    }

    /** Whether this run opens the interactive shell instead of running one command. */
    public boolean shell() {
        return commandLine.size() == 1 && commandLine.get(0).equals("shell");
    }

    private static String valueOf(String[] args, int index, String option) throws LaunchException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new LaunchException("option " + option + " needs a value", LaunchException.USAGE);
        }
        return args[index];
    }

    private static List<String> featureNames(String value) throws LaunchException {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",")) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        if (names.isEmpty()) {
            throw new LaunchException("--features needs at least one feature name, e.g. --features core"
                    + " (see 'bertlab features')", LaunchException.USAGE);
        }
        return names;
    }
}
