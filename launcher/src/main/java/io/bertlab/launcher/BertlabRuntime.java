package io.bertlab.launcher;

import io.bertlab.api.runtime.LauncherProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureBundle;
import org.slf4j.LoggerFactory;

/**
 * One running bertlab system: a fresh Felix framework with the bundles of the chosen features installed and
 * started, each feature registered as a service, and {@code deploy/} watched by FileInstall. The framework's
 * storage is a temporary folder of its own, so concurrent runs never share state. Its name carries the process id:
 * a run that was killed before it could delete its folder leaves it behind, and the next run removes it once that
 * process is gone.
 */
public final class BertlabRuntime implements AutoCloseable {

    private static final Duration SERVICE_WAIT = Duration.ofSeconds(10);

    /** Temporary storage folders: {@code bertlab-framework-<pid>-<random>}. */
    private static final String STORAGE_PREFIX = "bertlab-framework-";
    private static final Pattern STORAGE_NAME = Pattern.compile(Pattern.quote(STORAGE_PREFIX) + "(\\d+)-\\d+");

    private final Framework framework;
    private final Path storage;
    private final Path home;
    private final Thread storageRemoval;

    private BertlabRuntime(Framework framework, Path storage, Path home) {
        this.framework = framework;
        this.storage = storage;
        this.home = home;
        // Ctrl-C or a kill ends the JVM without close(): the storage (which may hold 180 MB of extracted jars) goes
        // with it all the same
        this.storageRemoval = new Thread(() -> deleteRecursively(storage), "bertlab storage removal");
        Runtime.getRuntime().addShutdownHook(storageRemoval);
    }

    /** Deletes the storage folders of runs whose process has ended without deleting them (killed, crashed). */
    private static void removeAbandonedStorage(Path folder) {
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(folder, STORAGE_PREFIX + "*")) {
            for (Path candidate : candidates) {
                Matcher name = STORAGE_NAME.matcher(candidate.getFileName().toString());
                if (name.matches() && ProcessHandle.of(Long.parseLong(name.group(1))).isEmpty()) {
                    deleteRecursively(candidate);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // only tidying: the run itself does not depend on it
        }
    }

    /**
     * Starts a system.
     *
     * @param options the launcher options (home, config)
     * @param catalog the distribution's features
     * @param chosen the features to install, in order (see {@link FeatureCatalog#resolve})
     * @return the running system
     * @throws LaunchException when the framework cannot start or a bundle fails to install or start
     */
    public static BertlabRuntime start(LaunchOptions options, FeatureCatalog catalog, List<FeatureCatalog.Entry> chosen)
            throws LaunchException {
        try (Starting starting = begin(options)) {
            return starting.install(catalog, chosen);
        }
    }

    /**
     * Begins starting a system: creates and starts the framework, with no bundles yet, on a thread of its own, so
     * that the caller can read the features and choose them meanwhile. Each takes about an eighth of a second on a
     * cold JVM; on two cores, one hides the other.
     *
     * @param options the launcher options (home, config)
     * @return the framework being started; {@link Starting#install} completes the system, and closing it without
     *     that stops the framework and deletes its storage
     */
    public static Starting begin(LaunchOptions options) {
        FutureTask<BertlabRuntime> framework = new FutureTask<>(() -> startFramework(options));
        Thread thread = new Thread(framework, "bertlab framework start");
        thread.setDaemon(true);
        thread.start();
        return new Starting(framework, options.home());
    }

    /** A framework being started by {@link #begin}. */
    public static final class Starting implements AutoCloseable {

        private final FutureTask<BertlabRuntime> framework;
        private final Path home;
        private boolean handedOver;

        private Starting(FutureTask<BertlabRuntime> framework, Path home) {
            this.framework = framework;
            this.home = home;
        }

        /**
         * Installs and starts the chosen features' bundles once the framework has started, and waits for
         * FileInstall's first pass over {@code deploy/}.
         *
         * @param catalog the distribution's features
         * @param chosen the features to install, in order (see {@link FeatureCatalog#resolve})
         * @return the running system, which the caller closes
         * @throws LaunchException when the framework could not start or a bundle fails to install or start
         */
        public BertlabRuntime install(FeatureCatalog catalog, List<FeatureCatalog.Entry> chosen)
                throws LaunchException {
            // the bundles' files are found while the framework may still be starting
            List<PlannedFeature> plan = plan(home, chosen);
            BertlabRuntime runtime = framework();
            handedOver = true;
            try {
                runtime.install(catalog, plan);
                DeployFolder.awaitInitialScan(runtime.framework.getBundleContext(), home.resolve("deploy"),
                        SERVICE_WAIT);
                return runtime;
            } catch (LaunchException | RuntimeException e) {
                runtime.close();
                throw e;
            }
        }

        private BertlabRuntime framework() throws LaunchException {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return framework.get();
                    } catch (InterruptedException e) {
                        interrupted = true; // the framework thread must be waited for all the same, or it leaks
                    }
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof LaunchException launch) {
                    throw launch;
                }
                throw new IllegalStateException("the framework failed to start", e.getCause());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Stops the framework and deletes its storage, unless {@link #install} handed the system over. */
        @Override
        public void close() {
            if (!handedOver) {
                handedOver = true;
                try {
                    framework().close();
                } catch (LaunchException | RuntimeException e) {
                    // it never started: nothing to stop
                }
            }
        }
    }

    /** Creates the storage and the framework and starts it, with no bundles. */
    private static BertlabRuntime startFramework(LaunchOptions options) throws LaunchException {
        Path storage;
        try {
            storage = Files.createTempDirectory(STORAGE_PREFIX + ProcessHandle.current().pid() + "-");
            removeAbandonedStorage(storage.getParent());
        } catch (IOException e) {
            throw new LaunchException("cannot create the framework's storage folder: " + e.getMessage(),
                    LaunchException.FAILURE);
        }
        Framework framework;
        try {
            framework = new Felix(frameworkProperties(options, storage));
        } catch (LaunchException | RuntimeException e) {
            deleteRecursively(storage);
            throw e;
        }
        BertlabRuntime runtime = new BertlabRuntime(framework, storage, options.home());
        try {
            framework.start();
            return runtime;
        } catch (BundleException e) {
            runtime.close();
            throw new LaunchException("the OSGi framework failed to start: " + e.getMessage(), LaunchException.FAILURE);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    /**
     * Starts a system; {@code interactive} no longer matters, since the shell opens through {@link #runShell()}.
     *
     * @deprecated use {@link #start(LaunchOptions, FeatureCatalog, List)}; kept for callers written before
     */
    @Deprecated
    public static BertlabRuntime start(LaunchOptions options, FeatureCatalog catalog, List<FeatureCatalog.Entry> chosen,
            boolean interactive) throws LaunchException {
        return start(options, catalog, chosen);
    }

    private static Map<String, Object> frameworkProperties(LaunchOptions options, Path storage)
            throws LaunchException {
        Map<String, Object> properties = new HashMap<>();
        properties.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, sharedPackages());
        properties.put("felix.log.level", "1");
        properties.put("felix.log.logger", new FrameworkLog(System.err));
        // Without a LogService, Felix SCR prints its messages itself, warnings and below on standard output, which
        // belongs to command output (embed > out.jsonl): only errors, which it prints on standard error
        properties.put("ds.loglevel", "error");
        properties.put("felix.fileinstall.dir", options.home().resolve("deploy").toString());
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.poll", "500");
        properties.put("felix.fileinstall.log.level", "1");
        // deploy/ is the source of truth: never write ConfigAdmin changes back into its files
        properties.put("felix.fileinstall.enableConfigSave", "false");
        // Gogo's own console would take the terminal as soon as its bundle starts, before the other bundles, and
        // reads bytes as characters; runShell() opens bertlab's console once everything has started
        properties.put("gosh.args", "--nointeractive");
        properties.put(LauncherProperties.HOME, options.home().toString());
        readProperties(options.home().resolve("conf/bertlab.properties"), false, properties);
        if (options.config().isPresent()) {
            readProperties(options.config().get(), true, properties);
        }
        return properties;
    }

    /**
     * Packages the launcher's class path shares with the bundles: the Feature API and the slf4j API; and the JDK's
     * Vector API when the JVM has it ({@code --add-modules jdk.incubator.vector}, set by {@code bin/bertlab}), which
     * the pure-Java engine's fast kernels import.
     */
    private static String sharedPackages() {
        String slf4j = LoggerFactory.class.getPackage().getImplementationVersion();
        String slf4jVersion = slf4j == null ? "2.0.0" : slf4j.replaceAll("[^0-9.].*$", "");
        String feature = Feature.class.getPackage().getSpecificationVersion();
        String packages = Stream.of("org.slf4j", "org.slf4j.spi", "org.slf4j.event", "org.slf4j.helpers")
                .map(p -> p + ";version=" + slf4jVersion)
                .collect(Collectors.joining(","))
                + ",org.osgi.service.feature;version=" + (feature == null ? "1.0.0" : feature);
        boolean vectorApi = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
        return vectorApi ? packages + "," + VECTOR_MODULE : packages;
    }

    /** The JDK module (and package) of the Vector API. */
    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    private static void readProperties(Path file, boolean required, Map<String, Object> into) throws LaunchException {
        if (!Files.exists(file) && !required) {
            return;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new LaunchException("cannot read configuration file " + file + ": " + describe(e)
                    + " (expected a Java properties file of framework properties)", LaunchException.FAILURE);
        }
        properties.forEach((key, value) -> into.put(key.toString(), value.toString()));
    }

    private static String describe(Exception e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.toString();
    }

    /** A chosen feature and the files of its bundles. */
    private record PlannedFeature(FeatureCatalog.Entry entry, List<BundleFile> bundles) {
    }

    /** A bundle: its feature id, its jar in {@code system/}, and what to install (see {@link UnpackedBundles}). */
    private record BundleFile(String id, Path jar, Path content) {
    }

    /** Finds the files of the chosen features' bundles; a bundle shared by several features is found once. */
    private static List<PlannedFeature> plan(Path home, List<FeatureCatalog.Entry> chosen) throws LaunchException {
        BundleRepository repository = new BundleRepository(home.resolve("system"));
        UnpackedBundles unpacked = new UnpackedBundles(home.resolve("system"));
        Map<String, BundleFile> byId = new HashMap<>();
        List<PlannedFeature> plan = new ArrayList<>();
        for (FeatureCatalog.Entry entry : chosen) {
            List<BundleFile> files = new ArrayList<>();
            for (FeatureBundle featureBundle : entry.feature().getBundles()) {
                String id = featureBundle.getID().toString();
                BundleFile file = byId.get(id);
                if (file == null) {
                    Path jar = repository.locate(featureBundle.getID(), entry);
                    file = new BundleFile(id, jar, unpacked.contentOf(jar));
                    byId.put(id, file);
                }
                files.add(file);
            }
            plan.add(new PlannedFeature(entry, files));
        }
        return plan;
    }

    private void install(FeatureCatalog catalog, List<PlannedFeature> plan) throws LaunchException {
        BundleContext context = framework.getBundleContext();
        Map<String, Bundle> byId = new LinkedHashMap<>();
        Map<Bundle, String> featureOf = new LinkedHashMap<>();
        for (PlannedFeature feature : plan) {
            List<Long> ids = new ArrayList<>();
            for (BundleFile file : feature.bundles()) {
                Bundle bundle = byId.get(file.id());
                if (bundle == null) {
                    try {
                        bundle = context.installBundle("reference:" + file.content().toUri());
                    } catch (BundleException e) {
                        throw new LaunchException("feature '" + feature.entry().name() + "': bundle " + file.id()
                                + " (" + file.jar() + ") cannot be installed: " + e.getMessage(),
                                LaunchException.FAILURE);
                    }
                    byId.put(file.id(), bundle);
                    featureOf.put(bundle, feature.entry().name());
                }
                ids.add(bundle.getBundleId());
            }
            register(feature.entry(), ids);
        }
        // by name: an entry's equality compares whole features
        Set<String> installed = plan.stream().map(f -> f.entry().name()).collect(Collectors.toSet());
        for (FeatureCatalog.Entry entry : catalog.entries()) {
            if (!installed.contains(entry.name())) {
                register(entry, null);
            }
        }
        // one resolution for every bundle, rather than one per bundle as each start would otherwise begin with
        framework.adapt(FrameworkWiring.class).resolveBundles(featureOf.keySet());
        startAll(featureOf);
    }

    private void register(FeatureCatalog.Entry entry, List<Long> bundleIds) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(LauncherProperties.FEATURE_NAME, entry.name());
        properties.put(LauncherProperties.FEATURE_FILE, entry.file().toString());
        properties.put(LauncherProperties.FEATURE_INSTALLED, bundleIds != null);
        if (bundleIds != null) {
            properties.put(LauncherProperties.FEATURE_BUNDLE_IDS, bundleIds.toArray(new Long[0]));
        }
        framework.getBundleContext().registerService(Feature.class, entry.feature(), properties);
    }

    private static void startAll(Map<Bundle, String> featureOf) throws LaunchException {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<Bundle, String> entry : featureOf.entrySet()) {
            Bundle bundle = entry.getKey();
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException | RuntimeException e) {
                failures.add("bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " of feature '"
                        + entry.getValue() + "' failed to start: " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new LaunchException(String.join("\n  ", failures), LaunchException.FAILURE);
        }
    }

    /**
     * Runs one command line through the entry point that the core feature registers.
     *
     * @param commandLine the command and its arguments; empty for the command list
     * @return the command's exit status
     * @throws LaunchException when no entry point appears (the core feature is not installed)
     */
    @SuppressWarnings("unchecked")
    public int execute(List<String> commandLine) throws LaunchException {
        Function<List<String>, Integer> entryPoint = (Function<List<String>, Integer>) launcherService(Function.class,
                LauncherProperties.ENTRY_POINT, "no command entry point in the framework: is the 'core' feature"
                        + " installed?");
        return entryPoint.apply(commandLine);
    }

    /**
     * Runs the interactive shell on this thread until the user leaves it. Called once every chosen bundle has
     * started, so the first line typed finds every command.
     *
     * @return the shell's exit status
     * @throws LaunchException when no console appears (the shell feature is not installed)
     */
    public int runShell() throws LaunchException {
        IntSupplier console = (IntSupplier) launcherService(IntSupplier.class, LauncherProperties.CONSOLE,
                "no shell console in the framework: is the 'shell' feature installed?");
        return console.getAsInt();
    }

    /** The best service of a JDK type marked for the launcher, waited for: components activate as bundles start. */
    private Object launcherService(Class<?> type, String marker, String missing) throws LaunchException {
        BundleContext context = framework.getBundleContext();
        String filter = "(" + marker + "=true)";
        long deadline = System.nanoTime() + SERVICE_WAIT.toNanos();
        try {
            do {
                ServiceReference<?>[] references = context.getServiceReferences(type.getName(), filter);
                if (references != null && references.length > 0) {
                    ServiceReference<?> best = java.util.Arrays.stream(references)
                            .max(Comparator.naturalOrder()).orElseThrow();
                    return context.getService(best);
                }
                Thread.sleep(5);
            } while (System.nanoTime() < deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new LaunchException(missing, LaunchException.FAILURE);
    }

    /** @return the running framework, for tests and embedding */
    public Framework framework() {
        return framework;
    }

    /** Stops the framework and deletes its storage. */
    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(Duration.ofSeconds(10).toMillis());
        } catch (BundleException e) {
            System.err.println("bertlab: framework did not stop cleanly: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteRecursively(storage);
            try {
                Runtime.getRuntime().removeShutdownHook(storageRemoval);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to; it finds nothing left to delete
            }
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
