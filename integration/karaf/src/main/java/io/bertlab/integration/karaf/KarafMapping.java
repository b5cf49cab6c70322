package io.bertlab.integration.karaf;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What Karaf already has and what it lacks, read from {@code karaf-mapping.properties}: the name prefix of the
 * generated features, the bundles Karaf provides (and by which of its features), the bundles to add, and the
 * framework properties to rename.
 *
 * @param prefix prepended to every feature's file name
 * @param provided groupId:artifactId to {@code feature:NAME} or {@code framework}
 * @param added feature file name to Maven coordinates groupId:artifactId:version
 * @param properties bertlab framework property to Karaf's
 */
public record KarafMapping(String prefix, Map<String, String> provided, Map<String, List<String>> added,
        Map<String, String> properties) {

    /** The value of a {@link #provided} entry for Karaf's start-up bundles. */
    public static final String FRAMEWORK = "framework";
    /** The prefix of a {@link #provided} entry naming one of Karaf's features. */
    public static final String FEATURE = "feature:";

    /**
     * Reads a mapping file.
     *
     * @param file the properties file
     * @return the mapping
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when an entry is malformed
     */
    public static KarafMapping read(Path file) throws IOException {
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            raw.load(reader);
        }
        String prefix = raw.getProperty("name.prefix", "");
        Map<String, String> provided = new TreeMap<>();
        Map<String, List<String>> added = new TreeMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : new TreeMap<>(raw).keySet().stream().map(Object::toString).toList()) {
            String value = raw.getProperty(key).trim();
            if (key.startsWith("provided.")) {
                String ga = key.substring("provided.".length());
                if (ga.split(":").length != 2) {
                    throw new IllegalArgumentException(file + ": " + key + " must name groupId:artifactId");
                }
                if (!value.equals(FRAMEWORK) && !(value.startsWith(FEATURE) && value.length() > FEATURE.length())) {
                    throw new IllegalArgumentException(file + ": " + key + " = " + value
                            + " must be 'framework' or 'feature:NAME'");
                }
                provided.put(ga, value);
            } else if (key.startsWith("added.")) {
                List<String> coordinates = new ArrayList<>();
                for (String gav : value.split("\\s+")) {
                    if (gav.split(":").length != 3 || gav.contains("${")) {
                        throw new IllegalArgumentException(file + ": " + key + " = " + value
                                + " must list groupId:artifactId:version (is the file filtered?)");
                    }
                    coordinates.add(gav);
                }
                added.put(key.substring("added.".length()), List.copyOf(coordinates));
            } else if (key.startsWith("property.")) {
                properties.put(key.substring("property.".length()), value);
            } else if (!key.equals("name.prefix")) {
                throw new IllegalArgumentException(file + ": unknown key " + key + " (known: name.prefix, "
                        + String.join(", ", Arrays.asList("provided.G:A", "added.FEATURE", "property.NAME")) + ")");
            }
        }
        return new KarafMapping(prefix, Map.copyOf(provided), Map.copyOf(added), Map.copyOf(properties));
    }

    /**
     * What Karaf uses instead of a bundle.
     *
     * @param groupId the bundle's group
     * @param artifactId the bundle's artifact
     * @return {@code feature:NAME}, {@code framework}, or null when Karaf does not have it
     */
    public String providedBy(String groupId, String artifactId) {
        return provided.get(groupId + ":" + artifactId);
    }
}
