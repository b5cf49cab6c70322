package io.bertlab.launcher;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

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
            FeatureCatalog catalog = FeatureCatalog.read(options.home().resolve("features"));
            List<FeatureCatalog.Entry> chosen = catalog.resolve(options.features());
            if (options.shell() && chosen.stream().noneMatch(e -> e.name().equals("shell"))) {
                throw new LaunchException("the shell needs the 'shell' feature; add it to --features",
                        LaunchException.USAGE);
            }
            if (options.help()) {
                out.println(LaunchOptions.HELP);
                out.println();
            }
            try (BertlabRuntime runtime = BertlabRuntime.start(options, catalog, chosen)) {
                if (options.shell()) {
                    return runtime.runShell();
                }
                if (options.help()) {
                    return runtime.execute(List.of("--help"));
                }
                if (options.commandLine().isEmpty()) {
                    err.println("bertlab: no command given. Run 'bertlab --help' for the commands.");
                    return LaunchException.USAGE;
                }
                return runtime.execute(options.commandLine());
            }
        } catch (LaunchException e) {
            err.println("bertlab: " + e.getMessage());
            return e.status();
        }
    }
}
