package io.bertlab.integration.karaf;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A private copy of the unpacked Karaf distribution, configured for the test (free ports, a console user, offline
 * Maven resolution from Karaf's own system/ and the repository the build assembled, the JDK's Vector API for the
 * pure-Java engine), run as {@code bin/karaf server} and driven with Karaf's own SSH client, {@code bin/client}, as a
 * user would drive it.
 */
final class KarafInstance implements AutoCloseable {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    private static final String USER = "karaf";
    /** Starts the part of karaf-console.out that one start of Karaf printed. */
    private static final String START = "--- bertlab KarafIT: bin/karaf server, start ";

    private final Path home;
    private final int sshPort;
    private Process process;
    private int starts;

    private KarafInstance(Path home, int sshPort) {
        this.home = home;
        this.sshPort = sshPort;
    }

    /**
     * Copies the distribution to a fresh folder and configures it.
     *
     * @param distribution the unpacked Karaf (left untouched)
     * @param home where the copy goes (deleted first)
     * @param repository the Maven-layout repository of bertlab's bundles
     * @param extraFiles more files for {@code etc/}, by name
     */
    static KarafInstance create(Path distribution, Path home, Path repository, Map<String, String> extraFiles)
            throws IOException {
        assertTrue(Files.isExecutable(distribution.resolve("bin/karaf")), "Karaf not unpacked at " + distribution);
        delete(home);
        copy(distribution, home);
        int ssh = freePort();
        Path etc = home.resolve("etc");
        edit(etc.resolve("org.apache.karaf.shell.cfg"), Map.of("sshPort", String.valueOf(ssh), "sshHost", "127.0.0.1"));
        edit(etc.resolve("org.apache.karaf.management.cfg"), Map.of("rmiRegistryPort", String.valueOf(freePort()),
                "rmiServerPort", String.valueOf(freePort())));
        // Karaf ships with every user commented out: one administrator for bin/client
        Files.writeString(etc.resolve("users.properties"), USER + " = " + USER + ",_g_:admingroup\n"
                + "_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n");
        // offline: Karaf's system/ and the assembled repository only; no remote repository, no ~/.m2, no settings.xml
        Files.writeString(etc.resolve("bertlab-empty-settings.xml"), "<settings/>\n");
        Files.writeString(etc.resolve("org.ops4j.pax.url.mvn.cfg"), String.join("\n",
                "org.ops4j.pax.url.mvn.offline = true",
                "org.ops4j.pax.url.mvn.useFallbackRepositories = false",
                "org.ops4j.pax.url.mvn.settings = ${karaf.etc}/bertlab-empty-settings.xml",
                "org.ops4j.pax.url.mvn.localRepository = ${karaf.data}/local-repository",
                "org.ops4j.pax.url.mvn.defaultRepositories = ${karaf.home.uri}system@id=system.repository@snapshots, "
                        + repository.toUri() + "@id=bertlab@snapshots",
                "org.ops4j.pax.url.mvn.repositories =", ""));
        // the pure-Java engine's fast kernels import the JDK's Vector API: the system bundle must export it
        Path config = etc.resolve("config.properties");
        String properties = Files.readString(config, StandardCharsets.ISO_8859_1);
        String extra = "org.osgi.framework.system.packages.extra = \\\n";
        assertTrue(properties.contains(extra), "Karaf's " + config + " no longer has " + extra.strip());
        Files.writeString(config, properties.replace(extra, extra + "    jdk.incubator.vector, \\\n"),
                StandardCharsets.ISO_8859_1);
        for (Map.Entry<String, String> file : extraFiles.entrySet()) {
            Files.writeString(etc.resolve(file.getKey()), file.getValue());
        }
        return new KarafInstance(home, ssh);
    }

    Path home() {
        return home;
    }

    /**
     * What Karaf's JVM printed on standard output and error (not its log) since it was last started: bertlab's
     * announcements of configurations that failed to load go there.
     */
    String consoleOutput() throws IOException {
        String text = Files.readString(home.resolve("karaf-console.out"), StandardCharsets.UTF_8);
        int last = text.lastIndexOf(START);
        return last < 0 ? text : text.substring(text.indexOf('\n', last) + 1);
    }

    /**
     * Stops Karaf and starts it again on the same instance folder: installed features, bundles (and their ids),
     * configurations and {@code etc/} stay as they were, as when an administrator restarts a Karaf.
     *
     * @param javaOptions JVM options for Karaf (EXTRA_JAVA_OPTS)
     * @param timeout how long the new start may take
     */
    void restart(String javaOptions, Duration timeout) throws IOException, InterruptedException {
        stop();
        start(javaOptions, timeout);
    }

    /**
     * Starts {@code bin/karaf server} and waits until its console answers at start level 100.
     *
     * @param javaOptions JVM options for Karaf (EXTRA_JAVA_OPTS)
     * @param timeout how long Karaf may take
     */
    void start(String javaOptions, Duration timeout) throws IOException, InterruptedException {
        assertTrue(process == null, "Karaf is already running in " + home);
        // appended, one part per start (a restart keeps what the first run printed)
        Path console = home.resolve("karaf-console.out");
        Files.writeString(console, START + (++starts) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        environment(builder);
        builder.environment().put("EXTRA_JAVA_OPTS", javaOptions);
        // the script execs the JVM, so this process is Karaf's JVM itself (and stopping it stops Karaf)
        builder.environment().put("KARAF_EXEC", "exec");
        builder.environment().put("CHECK_ROOT_INSTANCE_RUNNING", "false");
        process = builder.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("Karaf exited with status " + process.exitValue() + "\n" + diagnostics());
            }
            Console answer = call(Duration.ofSeconds(60), 30, List.of("system:start-level"));
            last = answer.toString();
            if (answer.status() == 0 && answer.output().contains("Level 100")) {
                return;
            }
            Thread.sleep(1000);
        }
        fail("Karaf's console did not reach start level 100 in " + timeout.toSeconds() + " s; last answer: " + last
                + "\n" + diagnostics());
    }

    /** What one {@code bin/client} run printed (ANSI colours removed) and its exit status. */
    record Console(int status, String output) {
        @Override
        public String toString() {
            return "status " + status + "\n" + output;
        }
    }

    /**
     * Runs command lines in one console session ({@code bin/client -b}, lines on standard input); the client stops
     * at the first failing command and exits with status 1.
     */
    Console run(String... lines) throws IOException, InterruptedException {
        return call(Duration.ofSeconds(300), 3, List.of(lines));
    }

    /**
     * Runs named groups of command lines in one console session (one client start instead of one per group), and
     * splits what they printed by group. A failing command ends the session: the groups after it are missing.
     *
     * @param groups command lines (joined by newlines) by group name
     * @return the status of the session and the output of each group that ran
     */
    Sections sections(Map<String, String> groups) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, String> group : groups.entrySet()) {
            lines.add("echo " + SECTION + " " + group.getKey());
            lines.add(group.getValue());
        }
        Console console = run(lines.toArray(String[]::new));
        Map<String, String> outputs = new java.util.LinkedHashMap<>();
        String current = null;
        StringBuilder text = new StringBuilder();
        for (String line : console.output().lines().toList()) {
            if (line.startsWith(SECTION + " ")) {
                if (current != null) {
                    outputs.put(current, text.toString());
                }
                current = line.substring(SECTION.length() + 1).strip();
                text.setLength(0);
            } else if (current != null) {
                text.append(line).append('\n');
            }
        }
        if (current != null) {
            outputs.put(current, text.toString());
        }
        return new Sections(console, outputs);
    }

    private static final String SECTION = "SECTION";

    /** What {@link #sections} printed, by group. */
    record Sections(Console console, Map<String, String> outputs) {

        /** The output of a group that must have run, every command of the session having succeeded. */
        String ok(String group, KarafInstance karaf) {
            if (console.status() != 0 || !outputs.containsKey(group)) {
                fail("Karaf console session failed before or in '" + group + "': " + console + "\n"
                        + karaf.diagnostics());
            }
            return outputs.get(group);
        }
    }

    /** Runs command lines and fails the test, with Karaf's log, unless every one succeeded. */
    String ok(String... lines) throws IOException, InterruptedException {
        Console console = run(lines);
        if (console.status() != 0) {
            fail("Karaf console: " + String.join("; ", lines) + " failed: " + console + "\n" + diagnostics());
        }
        return console.output();
    }

    /** Runs command lines until their output satisfies a condition, failing after a timeout. */
    String await(Duration timeout, Predicate<String> condition, String... lines)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Console console;
        do {
            console = run(lines);
            if (condition.test(console.output())) {
                return console.output();
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        fail("Karaf console: " + String.join("; ", lines) + " did not give the expected answer in "
                + timeout.toSeconds() + " s; last: " + console + "\n" + diagnostics());
        return null;
    }

    private Console call(Duration timeout, int retries, List<String> lines) throws IOException, InterruptedException {
        Path in = Files.createTempFile(home, "console-in", ".txt");
        Path out = Files.createTempFile(home, "console-out", ".txt");
        try {
            Files.writeString(in, String.join("\n", lines) + "\n");
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/client").toString(), "-a",
                    String.valueOf(sshPort), "-h", "127.0.0.1", "-u", USER, "-p", USER, "-r", String.valueOf(retries),
                    "-d", "1", "-b").directory(home.toFile()).redirectErrorStream(true)
                    .redirectInput(in.toFile()).redirectOutput(out.toFile());
            environment(builder);
            // a short-lived JVM: the first JIT tier only, which starts faster on few cores
            builder.environment().put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
            Process client = builder.start();
            if (!client.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                client.destroyForcibly();
                fail("bin/client did not finish in " + timeout.toSeconds() + " s: " + lines + "\n"
                        + Files.readString(out) + "\n" + diagnostics());
            }
            return new Console(client.exitValue(), ANSI.matcher(Files.readString(out, StandardCharsets.UTF_8))
                    .replaceAll(""));
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    private static void environment(ProcessBuilder builder) {
        // the JDK running the tests, for Karaf and its client alike
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("KARAF_OPTS");
    }

    /** The end of Karaf's log, for failure messages. */
    String diagnostics() {
        Path log = home.resolve("data/log/karaf.log");
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            return "--- last lines of " + log + "\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(" + log + " unreadable: " + e + ")";
        }
    }

    /** Stops Karaf: SIGTERM runs its shutdown hook (the framework stops); a minute later it is killed. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private static void edit(Path file, Map<String, String> values) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        for (Map.Entry<String, String> value : values.entrySet()) {
            Matcher line = Pattern.compile("(?m)^" + Pattern.quote(value.getKey()) + "\\s*=.*$").matcher(text);
            assertTrue(line.find(), file + " has no line " + value.getKey() + " = ...");
            text = line.replaceFirst(Matcher.quoteReplacement(value.getKey() + " = " + value.getValue()));
        }
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Copies the distribution; the jars of {@code system/} and {@code lib/}, which Karaf only reads, are hard links
     * where the file system allows (a copy otherwise), everything else (etc/, which the test edits) a real copy.
     */
    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path relative = source.relativize(path);
                Path destination = target.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else if (relative.startsWith("system") || relative.startsWith("lib")) {
                    try {
                        Files.createLink(destination, path);
                    } catch (IOException | UnsupportedOperationException e) {
                        Files.copy(path, destination, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } else {
                    Files.copy(path, destination, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.delete(path);
            }
        }
    }
}
