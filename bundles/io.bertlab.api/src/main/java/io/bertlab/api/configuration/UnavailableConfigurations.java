package io.bertlab.api.configuration;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link UnavailableConfiguration} services a consumer's dynamic reference delivers, looked up by name: a command
 * that cannot find a named service asks here why.
 */
public final class UnavailableConfigurations {

    private final List<UnavailableConfiguration> failures = new CopyOnWriteArrayList<>();

    /** @param failure a failure the reference delivered */
    public void add(UnavailableConfiguration failure) {
        failures.add(failure);
    }

    /** @param failure a failure that was withdrawn */
    public void remove(UnavailableConfiguration failure) {
        failures.remove(failure);
    }

    /**
     * The failure of the configuration that gives a service this name, when that service does not answer.
     *
     * @param name e.g. {@code broken}
     * @return the failure, unless there is none or the service still serves its previous settings
     */
    public Optional<UnavailableConfiguration> unavailable(String name) {
        return failures.stream().filter(f -> f.name().equals(name) && !f.previousServes()).findFirst();
    }

    /** @return every failure, by kind and name */
    public List<UnavailableConfiguration> all() {
        return failures.stream().sorted(Comparator.comparing(UnavailableConfiguration::kind)
                .thenComparing(UnavailableConfiguration::name)).toList();
    }
}
