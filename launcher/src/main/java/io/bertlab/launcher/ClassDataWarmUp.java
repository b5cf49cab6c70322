package io.bertlab.launcher;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run {@code bin/bertlab} makes once per distribution folder and JVM, under
 * {@code -XX:ArchiveClassesAtExit}, to write the class-data archive that later runs start from: the classes it
 * loads are then mapped from the archive instead of read, parsed and verified (for the launcher, Felix, SCR and the
 * bundles alike). It goes through what everyday commands go through: the command index and its list, every feature
 * started, and a few commands run ({@code features}, {@code models}, a {@code tokenize} with the embedded model's
 * tokenizer, an {@code embed} with the embedded model). The commands' output is not for anyone: {@code bin/bertlab}
 * discards it.
 */
public final class ClassDataWarmUp {

    private ClassDataWarmUp() {
    }

    public static void main(String[] args) {
        String home = System.getProperty("bertlab.home");
        if (home == null) {
            System.err.println("bertlab: the class-data warm-up needs -Dbertlab.home (bin/bertlab sets it)");
            System.exit(LaunchException.USAGE);
        }
        int status;
        try {
            status = run(Paths.get(home));
        } catch (LaunchException e) {
            System.err.println("bertlab: " + e.getMessage());
            status = e.status();
        }
        System.out.flush();
        System.exit(status);
    }

    /**
     * Starts every feature and runs the warm-up commands.
     *
     * @param home the distribution folder
     * @return 0, or the first failing command's exit status
     * @throws LaunchException when the system cannot start
     */
    static int run(Path home) throws LaunchException {
        LaunchOptions options = LaunchOptions.parse(new String[] {"features"}, home);
        try (BertlabRuntime.Starting starting = BertlabRuntime.begin(options)) {
            FeatureCatalog catalog = FeatureCatalog.read(options.home().resolve("features"));
            CommandIndex index = CommandIndex.read(catalog, options.home().resolve("system"));
            CommandList.print(new PrintStream(OutputStream.nullOutputStream()), index.summaries());
            try (BertlabRuntime runtime = starting.install(catalog, catalog.resolve(Optional.empty()))) {
                int status = 0;
                for (List<String> commandLine : commandLines(options.home())) {
                    int exit = runtime.execute(commandLine);
                    status = status == 0 ? exit : status;
                }
                return status;
            }
        }
    }

    private static List<List<String>> commandLines(Path home) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of("features"));
        lines.add(List.of("models"));
        lines.add(List.of("tokenize", "--help"));
        Path tokenizer = home.resolve("models/minilm/tokenizer.json");
        if (Files.isRegularFile(tokenizer)) {
            lines.add(List.of("tokenize", "--tokenizer", tokenizer.toString(), "Warm-up, once: später schneller."));
            // the embedded model: the engine's kernels and the Vector API's classes, a hundred-odd from jars otherwise
            lines.add(List.of("embed", "Warm-up, once."));
        }
        return lines;
    }
}
