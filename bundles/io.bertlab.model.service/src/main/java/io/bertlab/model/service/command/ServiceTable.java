package io.bertlab.model.service.command;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Services of one kind with their properties, as a component's dynamic reference delivers them. */
final class ServiceTable<S> {

    private final Map<S, Map<String, Object>> services = new ConcurrentHashMap<>();

    void add(S service, Map<String, Object> properties) {
        services.put(service, properties);
    }

    void remove(S service) {
        services.remove(service);
    }

    Map<S, Map<String, Object>> all() {
        return services;
    }

    /** The service whose property {@code key} equals {@code value}. */
    Optional<Map.Entry<S, Map<String, Object>>> find(String key, String value) {
        return services.entrySet().stream().filter(e -> value.equals(String.valueOf(e.getValue().get(key))))
                .findFirst();
    }
}
