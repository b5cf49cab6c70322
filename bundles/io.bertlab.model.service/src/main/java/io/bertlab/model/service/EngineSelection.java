package io.bertlab.model.service;

import io.bertlab.api.model.Engine;
import io.bertlab.api.model.EngineProperties;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Picks an engine by its service properties ({@code bertlab.engine}, {@code bertlab.device}). */
public final class EngineSelection {

    private EngineSelection() {
    }

    /**
     * The engine with the given name and device.
     *
     * @param engines engine services with their properties
     * @param name e.g. {@code java}
     * @param device e.g. {@code cpu}
     * @return the engine, if one is registered
     */
    public static Optional<Engine> select(Map<Engine, Map<String, Object>> engines, String name, String device) {
        return engines.entrySet().stream()
                .filter(e -> name.equals(e.getValue().get(EngineProperties.ENGINE)))
                .filter(e -> device.equals(e.getValue().getOrDefault(EngineProperties.DEVICE, EngineProperties.CPU)))
                .map(Map.Entry::getKey).findFirst();
    }

    /**
     * The installed engines as {@code name/device} pairs, for messages.
     *
     * @param engines engine services with their properties
     * @return e.g. {@code java/cpu, pytorch/cpu}, or {@code none}
     */
    public static String describe(Map<Engine, Map<String, Object>> engines) {
        TreeSet<String> names = new TreeSet<>();
        engines.values().forEach(p -> names.add(p.get(EngineProperties.ENGINE) + "/"
                + p.getOrDefault(EngineProperties.DEVICE, EngineProperties.CPU)));
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
