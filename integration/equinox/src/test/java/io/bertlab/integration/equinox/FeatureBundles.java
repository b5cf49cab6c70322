package io.bertlab.integration.equinox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bundles of bertlab features, read from the feature files as the build filters them ({@code target/features})
 * and found in {@code target/system}, where the build copies this module's provided dependencies in Maven repository
 * layout, so that a feature's bundle ID names its jar, as in the distribution's {@code system/}.
 */
final class FeatureBundles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path features;
    private final Path system;

    FeatureBundles(Path features, Path system) {
        this.features = features;
        this.system = system;
    }

    static FeatureBundles fromBuild() {
        return new FeatureBundles(Path.of(required("bertlab.features")), Path.of(required("bertlab.system")));
    }

    /**
     * The jars of the named features and of the features they require (their {@code bertlab.requires}), required
     * features first, each jar once.
     */
    List<Path> jarsOf(List<String> names) throws IOException {
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : names) {
            addWithRequirements(name, ordered, new LinkedHashSet<>());
        }
        Set<Path> jars = new LinkedHashSet<>();
        for (String name : ordered) {
            for (JsonNode bundle : read(name).path("bundles")) {
                jars.add(jar(bundle.path("id").asText()));
            }
        }
        return new ArrayList<>(jars);
    }

    /** The jar of a Maven coordinate {@code groupId:artifactId:version} in the system folder. */
    Path jar(String id) {
        String[] parts = id.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("expected groupId:artifactId:version, got " + id);
        }
        Path jar = system.resolve(parts[0].replace('.', '/')).resolve(parts[1]).resolve(parts[2])
                .resolve(parts[1] + "-" + parts[2] + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(id + " is not in " + system + ": add it to the dependencies of"
                    + " integration/equinox/pom.xml with scope provided");
        }
        return jar;
    }

    private void addWithRequirements(String name, Set<String> ordered, Set<String> visiting) throws IOException {
        if (ordered.contains(name)) {
            return;
        }
        if (!visiting.add(name)) {
            throw new IllegalStateException("features require each other in a cycle: " + visiting);
        }
        for (JsonNode required : read(name).path("extensions").path("bertlab.requires").path("text")) {
            addWithRequirements(required.asText(), ordered, visiting);
        }
        ordered.add(name);
    }

    private JsonNode read(String name) throws IOException {
        Path file = features.resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no feature file " + file);
        }
        JsonNode feature = JSON.readTree(file.toFile());
        if (feature.toString().contains("${")) {
            throw new IllegalStateException(file + " is not filtered: " + feature);
        }
        return feature;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (the build sets it)");
        }
        return value;
    }
}
