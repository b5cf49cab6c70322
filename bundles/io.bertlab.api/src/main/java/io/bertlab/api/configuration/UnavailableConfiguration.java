package io.bertlab.api.configuration;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A named service (a model, a tokenizer) whose configuration could not be applied. The component that owns the
 * configuration registers it as a service of this class for as long as that lasts, with the properties {@link #KIND}
 * and {@link #NAME}, so that a command given the name can say why it does not work and {@code features} can list it.
 */
public final class UnavailableConfiguration {

    /** Service property: what kind of service failed, e.g. {@code model} or {@code tokenizer}. */
    public static final String KIND = "bertlab.unavailable.kind";

    /** {@link #KIND} of named models (factory PID {@code io.bertlab.model}). */
    public static final String MODEL = "model";

    /** {@link #KIND} of named tokenizers (factory PID {@code io.bertlab.tokenizer}). */
    public static final String TOKENIZER = "tokenizer";

    /** Service property: the name the configuration gives the service. */
    public static final String NAME = "bertlab.unavailable.name";

    /** The configuration property FileInstall adds: the URL of the file the configuration came from. */
    static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";

    private final String kind;
    private final String name;
    private final String configuration;
    private final String file;
    private final String reason;
    private final boolean previousServes;

    /**
     * A failure.
     *
     * @param kind e.g. {@code model}
     * @param name the configured name
     * @param configuration the configuration's PID, e.g. {@code io.bertlab.model~broken}
     * @param file the file the configuration came from, or {@code null} (a feature's configuration)
     * @param reason what is wrong, naming the file at fault
     * @param previousServes true when this was a change to a working service, which keeps its previous settings
     */
    public UnavailableConfiguration(String kind, String name, String configuration, String file, String reason,
            boolean previousServes) {
        this.kind = Objects.requireNonNull(kind);
        this.name = Objects.requireNonNull(name);
        this.configuration = Objects.requireNonNull(configuration);
        this.file = file;
        this.reason = Objects.requireNonNull(reason);
        this.previousServes = previousServes;
    }

    /**
     * A failure of the configuration a component was given.
     *
     * @param kind e.g. {@code model}
     * @param name the configured name
     * @param properties the component's properties: {@code service.pid} and, from FileInstall, the file's URL
     * @param reason what is wrong
     * @param previousServes true when the service keeps its previous settings
     * @return the failure
     */
    public static UnavailableConfiguration of(String kind, String name, Map<String, ?> properties, String reason,
            boolean previousServes) {
        Object pid = properties.get("service.pid");
        return new UnavailableConfiguration(kind, name, pid == null ? "(no PID)" : pid.toString(),
                fileOf(properties.get(FILEINSTALL_FILENAME)), reason, previousServes);
    }

    /** FileInstall writes a URL ({@code file:/...}); people read paths. */
    private static String fileOf(Object url) {
        if (url == null) {
            return null;
        }
        try {
            return Path.of(URI.create(url.toString())).toString();
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return url.toString(); // not a file URL: show it as it is
        }
    }

    /** @return e.g. {@code model} */
    public String kind() {
        return kind;
    }

    /** @return the configured name */
    public String name() {
        return name;
    }

    /** @return the configuration's PID */
    public String configuration() {
        return configuration;
    }

    /** @return the file the configuration came from, when FileInstall read it from one */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** @return what is wrong */
    public String reason() {
        return reason;
    }

    /** @return true when the service still answers, with the settings it had before the failed change */
    public boolean previousServes() {
        return previousServes;
    }

    /**
     * One line for people: the kind and name, the configuration (its file when there is one), and the reason.
     *
     * @return e.g. {@code model 'broken' (/opt/bertlab/deploy/io.bertlab.model-broken.cfg) is unavailable:
     *     /nonexistent/model: not a model directory (...)}
     */
    public String message() {
        String subject = kind + " '" + name + "' (" + (file == null ? "configuration " + configuration : file) + ")";
        return previousServes ? subject + ": the change was not applied, the previous settings still serve: " + reason
                : subject + " is unavailable: " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
