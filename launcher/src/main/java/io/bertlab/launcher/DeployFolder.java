package io.bertlab.launcher;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashSet;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Waits for FileInstall's first pass over {@code deploy/}, so that a command run right after start-up sees the
 * plugins and configurations already dropped there. FileInstall works on its own thread and announces nothing,
 * so this checks the outcome: every jar installed and no longer starting, every {@code .cfg}/{@code .config}
 * known to ConfigAdmin. ConfigAdmin's classes live inside the framework, hence the reflective look-up.
 */
final class DeployFolder {

    /** The configuration property in which FileInstall records the file a configuration came from. */
    private static final String FILENAME_PROPERTY = "felix.fileinstall.filename";

    private DeployFolder() {
    }

    static void awaitInitialScan(BundleContext context, Path folder, Duration timeout) {
        Set<String> jars = new HashSet<>();
        Set<String> configs = new HashSet<>();
        if (!list(folder, jars, configs)) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (bundlesSettled(context, jars) && configsApplied(context, configs)) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.err.println("bertlab: deploy/ not fully processed after " + timeout.toSeconds()
                + " s; going on (see the log for FileInstall's errors)");
    }

    private static boolean list(Path folder, Set<String> jars, Set<String> configs) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                // FileInstall names bundles and configurations by java.io.File's URI form ("file:/...")
                String uri = file.toFile().getAbsoluteFile().toURI().normalize().toString();
                if (name.endsWith(".jar")) {
                    jars.add(uri);
                } else if (name.endsWith(".cfg") || name.endsWith(".config")) {
                    configs.add(uri);
                }
            }
        } catch (IOException e) {
            return false;
        }
        return !jars.isEmpty() || !configs.isEmpty();
    }

    private static boolean bundlesSettled(BundleContext context, Set<String> jars) {
        int settled = 0;
        for (Bundle bundle : context.getBundles()) {
            if (jars.contains(bundle.getLocation()) && bundle.getState() != Bundle.STARTING) {
                settled++;
            }
        }
        return settled >= jars.size();
    }

    private static boolean configsApplied(BundleContext context, Set<String> configs) {
        if (configs.isEmpty()) {
            return true;
        }
        ServiceReference<?> reference = context.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        if (reference == null) {
            return false;
        }
        Object admin = context.getService(reference);
        try {
            Method list = admin.getClass().getMethod("listConfigurations", String.class);
            Object[] found = (Object[]) list.invoke(admin, "(" + FILENAME_PROPERTY + "=*)");
            Set<String> applied = new HashSet<>();
            if (found != null) {
                for (Object configuration : found) {
                    Method properties = configuration.getClass().getMethod("getProperties");
                    properties.setAccessible(true);
                    Dictionary<?, ?> values = (Dictionary<?, ?>) properties.invoke(configuration);
                    if (values != null && values.get(FILENAME_PROPERTY) != null) {
                        applied.add(values.get(FILENAME_PROPERTY).toString());
                    }
                }
            }
            return applied.containsAll(configs);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // cannot tell; do not hold the command up
        } finally {
            context.ungetService(reference);
        }
    }
}
