package io.bertlab.api.runtime;

/**
 * Names shared by the launcher and the bundles.
 *
 * <p>For every feature file it finds, the launcher registers the parsed {@code org.osgi.service.feature.Feature}
 * as a service with the {@code FEATURE_*} properties below, whether or not the feature was chosen for this run.
 */
public final class LauncherProperties {

    private LauncherProperties() {
    }

    /** Framework property: the distribution's home folder (holding {@code features/}, {@code system/}, ...). */
    public static final String HOME = "bertlab.home";

    /**
     * Framework property: the chosen feature names, comma separated.
     *
     * @deprecated no longer set: the launcher starts the framework while it reads the features, before it knows
     *     which it will install (to save start-up time). The Feature services say it: those with
     *     {@link #FEATURE_INSTALLED} {@code true}.
     */
    @Deprecated
    public static final String FEATURES = "bertlab.features";

    /** Feature service property: the feature's short name, its file name without {@code .json}. */
    public static final String FEATURE_NAME = "bertlab.feature.name";

    /** Feature service property: the feature's file. */
    public static final String FEATURE_FILE = "bertlab.feature.file";

    /** Feature service property: {@code true} when the feature was chosen and its bundles installed. */
    public static final String FEATURE_INSTALLED = "bertlab.feature.installed";

    /**
     * Feature service property of installed features: {@code Long[]}, the framework bundle id of each entry of
     * {@code Feature.getBundles()}, in the same order.
     */
    public static final String FEATURE_BUNDLE_IDS = "bertlab.feature.bundle.ids";

    /**
     * Service property ({@code true}) of the {@code java.util.function.Function<List<String>, Integer>} service
     * through which the launcher runs a command line and gets its exit status.
     */
    public static final String ENTRY_POINT = "bertlab.launcher.entry";

    /**
     * Service property ({@code true}) of the {@code java.util.function.IntSupplier} service that runs the interactive
     * shell on the calling thread until the user leaves it, returning the exit status. The launcher calls it for
     * {@code bertlab shell} once every chosen feature has started, so the first line typed finds every command.
     */
    public static final String CONSOLE = "bertlab.launcher.console";
}
