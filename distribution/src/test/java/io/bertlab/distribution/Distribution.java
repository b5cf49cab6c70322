package io.bertlab.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** The distribution built by this module ({@code target/bertlab}), and private copies of it for tests that write. */
final class Distribution {

    private Distribution() {
    }

    /** The assembled distribution. */
    static Path home() {
        Path home = Paths.get(System.getProperty("bertlab.dist", "target/bertlab")).toAbsolutePath();
        assertTrue(Files.isExecutable(home.resolve("bin/bertlab")), "distribution not assembled at " + home);
        return home;
    }

    /** The example plugin's jar. */
    static Path examplePlugin() {
        return Paths.get(System.getProperty("bertlab.example.plugin",
                "target/example-plugins/io.bertlab.example.greeter.jar")).toAbsolutePath();
    }

    /** The ASSIN2 task bundle, a plugin built against the API only (dropped into deploy/ by a test). */
    static Path taskPlugin() {
        return examplePlugin().resolveSibling("io.bertlab.task.assin2.jar");
    }

    /**
     * A copy of the distribution that a test may change (its deploy/, features/, system/). The embedded models are
     * linked, not copied: no test writes them, and they are large.
     */
    static Path copy(Path target) throws IOException {
        Path source = home();
        Path models = source.resolve("models");
        // copies of bundles that runs of the source made for themselves; a run of the copy makes its own
        Path unpacked = source.resolve("system/.unpacked");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (path.startsWith(unpacked)) {
                    continue;
                }
                if (path.startsWith(models)) {
                    if (path.equals(models)) {
                        Files.createSymbolicLink(destination, models);
                    }
                } else if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return target;
    }

    /** What a finished {@code bin/bertlab} process said. */
    record Run(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code bin/bertlab} of a home with arguments, as a user would, with nothing on standard input. */
    static Run run(Path home, String... args) throws IOException, InterruptedException {
        return runWithInput(home, new byte[0], args);
    }

    /** Runs {@code bin/bertlab} of a home with arguments and these bytes piped to its standard input. */
    static Run runWithInput(Path home, byte[] input, String... args) throws IOException, InterruptedException {
        return runWithEnvironment(Map.of(), home, input, args);
    }

    /** Runs {@code bin/bertlab} with these variables added to the environment. */
    static Run runWithEnvironment(Map<String, String> environment, Path home, byte[] input, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/bertlab").toString());
        command.addAll(List.of(args));
        Path in = Files.write(Files.createTempFile("bertlab-in", ".txt"), input);
        Path out = Files.createTempFile("bertlab-out", ".txt");
        Path err = Files.createTempFile("bertlab-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(in.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("bin/bertlab " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Captures what an in-process command prints to {@code System.out}. */
    static String captureOut(ThrowingRunnable action) throws Exception {
        return capture(action, System.out, System::setOut);
    }

    /** Captures what an in-process command prints to {@code System.err}. */
    static String captureErr(ThrowingRunnable action) throws Exception {
        return capture(action, System.err, System::setErr);
    }

    private static String capture(ThrowingRunnable action, PrintStream original,
            java.util.function.Consumer<PrintStream> install) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        install.accept(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            install.accept(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * Waits for a service by class name and filter, among all services: the test's class path has its own copy of
     * the API, so class-compatible look-ups would find nothing.
     */
    static org.osgi.framework.ServiceReference<?> awaitService(org.osgi.framework.BundleContext context,
            String objectClass, String filter, Duration timeout) throws Exception {
        org.osgi.framework.ServiceReference<?>[] found = new org.osgi.framework.ServiceReference<?>[1];
        boolean present = eventually(timeout, () -> {
            try {
                org.osgi.framework.ServiceReference<?>[] references = context.getAllServiceReferences(objectClass,
                        filter);
                found[0] = references == null ? null : references[0];
                return found[0] != null;
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(present, objectClass + " " + filter + " did not appear in " + timeout.toSeconds() + " s");
        return found[0];
    }

    /** Polls a condition until it holds or the time is up. */
    static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
