package io.bertlab.integration.equinox;

import io.bertlab.testing.CapturingContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Calls into the bundles of a running framework. The test's class path has its own copies of bertlab's API and of
 * the OSGi service APIs, which are not the classes the bundles see, so every call goes through the classes of the
 * bundle that exports them, by reflection; the arguments and results are JDK types.
 */
final class InFramework {

    static final Duration WAIT = Duration.ofSeconds(60);

    private final BundleContext context;

    InFramework(BundleContext context) {
        this.context = context;
    }

    /** The installed bundle of this symbolic name. */
    Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName + " is installed"));
    }

    /** A class as the bundles see it: loaded through the bundle that exports its package. */
    Class<?> type(String exporter, String className) {
        try {
            return bundle(exporter).loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(exporter + " does not provide " + className, e);
        }
    }

    /** Waits for a service by class name and filter, among all services (whatever class space they are in). */
    ServiceReference<?> await(String objectClass, String filter) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            ServiceReference<?>[] found;
            try {
                found = context.getAllServiceReferences(objectClass, filter);
            } catch (InvalidSyntaxException e) {
                throw new AssertionError(e);
            }
            if (found != null) {
                return found[0];
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(objectClass + " " + filter + " did not appear in " + WAIT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    /** The service object of {@link #await}. */
    Object service(String objectClass, String filter) throws InterruptedException {
        return context.getService(await(objectClass, filter));
    }

    /**
     * Writes a factory configuration through ConfigAdmin (as a {@code .cfg} file in FileInstall's folder would):
     * {@code getFactoryConfiguration(factoryPid, name, "?")}, then {@code update(properties)}.
     */
    void configure(String factoryPid, String name, Map<String, Object> properties) throws Exception {
        Class<?> adminType = type("org.apache.felix.configadmin", "org.osgi.service.cm.ConfigurationAdmin");
        Class<?> configurationType = type("org.apache.felix.configadmin", "org.osgi.service.cm.Configuration");
        Object admin = service(adminType.getName(), null);
        Object configuration = invoke(adminType.getMethod("getFactoryConfiguration", String.class, String.class,
                String.class), admin, factoryPid, name, "?");
        Dictionary<String, Object> dictionary = new Hashtable<>(properties);
        invoke(configurationType.getMethod("update", Dictionary.class), configuration, dictionary);
    }

    /** Writes a singleton configuration through ConfigAdmin: {@code getConfiguration(pid, "?")}, then update. */
    void configureSingleton(String pid, Map<String, Object> properties) throws Exception {
        Class<?> adminType = type("org.apache.felix.configadmin", "org.osgi.service.cm.ConfigurationAdmin");
        Class<?> configurationType = type("org.apache.felix.configadmin", "org.osgi.service.cm.Configuration");
        Object admin = service(adminType.getName(), null);
        Object configuration = invoke(adminType.getMethod("getConfiguration", String.class, String.class), admin,
                pid, "?");
        invoke(configurationType.getMethod("update", Dictionary.class), configuration, new Hashtable<>(properties));
    }

    /** Polls a condition until it holds or {@link #WAIT} is over. */
    boolean eventually(Condition condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.holds();
    }

    /** A condition that may throw. */
    interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Runs a bertlab command line through the {@code CommandDispatcher} service, as {@code bin/bertlab} and the
     * shell do, with the streams of a {@link CapturingContext}.
     */
    Run run(Path workingDirectory, String... commandLine) throws Exception {
        Class<?> dispatcherType = type("io.bertlab.api", "io.bertlab.api.command.CommandDispatcher");
        Object dispatcher = service(dispatcherType.getName(), null);
        CapturingContext call = new CapturingContext(workingDirectory);
        Method execute = dispatcherType.getMethod("execute", List.class, java.io.PrintStream.class,
                java.io.PrintStream.class, java.io.InputStream.class, Path.class);
        int status = (Integer) invoke(execute, dispatcher, List.of(commandLine), call.out(), call.err(), call.in(),
                call.workingDirectory());
        return new Run(String.join(" ", commandLine), status, call.outText(), call.errText());
    }

    /** The command names the dispatcher knows. */
    @SuppressWarnings("unchecked")
    Map<String, String> commands() throws Exception {
        Class<?> dispatcherType = type("io.bertlab.api", "io.bertlab.api.command.CommandDispatcher");
        Object dispatcher = service(dispatcherType.getName(), null);
        return (Map<String, String>) invoke(dispatcherType.getMethod("commands"), dispatcher);
    }

    /** A method call whose target's own exception is rethrown as it is. */
    static Object invoke(Method method, Object target, Object... arguments) throws Exception {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** One command run: its exit status and what it printed. */
    record Run(String commandLine, int status, String out, String err) {

        /** Fails with everything the command printed unless it exited with 0. */
        Run requireSuccess() {
            if (status != 0) {
                throw new AssertionError("'" + commandLine + "' exited with " + status + "\nstdout:\n" + out
                        + "\nstderr:\n" + err);
            }
            return this;
        }
    }
}
