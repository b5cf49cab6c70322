package io.bertlab.api.configuration;

import io.bertlab.api.command.FileErrors;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Whether the configuration of one named-service component (one named model, one named tokenizer) is applied. A
 * failure is announced once, as one line on standard error, and published as an {@link UnavailableConfiguration}
 * service until the configuration is applied or the component goes away; the component itself never throws from
 * activation, so Declarative Services has no stack trace to print and the failure stays visible by name.
 */
public final class ConfigurationStatus implements AutoCloseable {

    private final BundleContext context;
    private final String kind;
    private final PrintStream announcements;
    private ServiceRegistration<UnavailableConfiguration> registration;
    private UnavailableConfiguration failure;

    /**
     * The status of one component instance, announcing failures on {@code System.err}.
     *
     * @param context the owning bundle's context, to register the failure with
     * @param kind e.g. {@code model}
     */
    public ConfigurationStatus(BundleContext context, String kind) {
        this(context, kind, System.err);
    }

    ConfigurationStatus(BundleContext context, String kind, PrintStream announcements) {
        this.context = context;
        this.kind = kind;
        this.announcements = announcements;
    }

    /** The configuration is applied: any failure published before is withdrawn. */
    public synchronized void applied() {
        withdraw();
        failure = null;
    }

    /**
     * The configuration could not be applied: says so on standard error (one line) and publishes it.
     *
     * @param name the configured name
     * @param properties the component's properties (PID, FileInstall's file)
     * @param cause what went wrong loading it; its message names the file at fault
     * @param previousServes true when the service keeps answering with its previous settings
     * @return the failure as published
     */
    public synchronized UnavailableConfiguration failed(String name, Map<String, ?> properties, Exception cause,
            boolean previousServes) {
        withdraw();
        failure = UnavailableConfiguration.of(kind, name, properties, reason(cause), previousServes);
        announcements.println("bertlab: " + failure.message());
        Dictionary<String, Object> serviceProperties = new Hashtable<>();
        serviceProperties.put(UnavailableConfiguration.KIND, kind);
        serviceProperties.put(UnavailableConfiguration.NAME, name);
        registration = context.registerService(UnavailableConfiguration.class, failure, serviceProperties);
        return failure;
    }

    /** @return the current failure, if the configuration is not applied */
    public synchronized Optional<UnavailableConfiguration> failure() {
        return Optional.ofNullable(failure);
    }

    /** The component goes away: so does its failure. */
    @Override
    public synchronized void close() {
        applied();
    }

    /** The JDK's file exceptions carry only the path as their message: say what is wrong with it too. */
    private static String reason(Exception cause) {
        if (cause instanceof IOException io) {
            return FileErrors.describe(io);
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private void withdraw() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
            registration = null;
        }
    }
}
