package io.bertlab.api.model;

import java.util.List;
import java.util.Objects;

/**
 * What an engine is and what it can run on, for listings and diagnostics.
 *
 * @param name the engine's name, the value of its {@value EngineProperties#ENGINE} property
 * @param version the engine's version (its implementation or native library version)
 * @param devices the devices it can compute on, e.g. {@code [cpu]} or {@code [cpu, gpu:0]}
 * @param threads the number of compute threads it uses by default
 */
public record EngineInfo(String name, String version, List<String> devices, int threads) {

    /**
     * Validates and copies the fields.
     *
     * @param name the engine's name
     * @param version the engine's version
     * @param devices the devices, at least one
     * @param threads the default thread count, at least one
     */
    public EngineInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        devices = List.copyOf(devices);
        if (devices.isEmpty()) {
            throw new IllegalArgumentException("an engine needs at least one device");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }
}
