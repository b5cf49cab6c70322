package io.bertlab.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureExtension;
import org.osgi.service.feature.FeatureService;

/**
 * The features of a distribution: every {@code features/*.json} (OSGi Feature format), read with Apache Felix's
 * Feature Service implementation. A feature may name the features it stands on in a mandatory text extension
 * {@value #REQUIRES} (one feature name per line); choosing a feature chooses those too.
 */
public final class FeatureCatalog {

    /** The extension through which a feature names the features it needs. */
    public static final String REQUIRES = "bertlab.requires";

    /** One feature file. */
    public record Entry(String name, Path file, Feature feature) {
    }

    private final Map<String, Entry> entries;

    private FeatureCatalog(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /**
     * Reads every feature file of a folder.
     *
     * @param folder the {@code features/} folder
     * @return the catalog, sorted by name
     * @throws LaunchException when the folder or a file cannot be read or is not a valid feature
     */
    public static FeatureCatalog read(Path folder) throws LaunchException {
        if (!Files.isDirectory(folder)) {
            throw new LaunchException("features folder not found: " + folder, LaunchException.FAILURE);
        }
        FeatureService service = ServiceLoader.load(FeatureService.class, FeatureCatalog.class.getClassLoader())
                .findFirst().orElseThrow(() -> new LaunchException(
                        "no OSGi Feature Service implementation on the class path", LaunchException.FAILURE));
        Map<String, Entry> entries = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                entries.put(name, new Entry(name, file, readFeature(service, file)));
            }
        } catch (IOException e) {
            throw new LaunchException("cannot list features folder " + folder + ": " + e.getMessage(),
                    LaunchException.FAILURE);
        }
        return new FeatureCatalog(entries);
    }

    private static Feature readFeature(FeatureService service, Path file) throws LaunchException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return service.readFeature(reader);
        } catch (IOException | RuntimeException e) {
            throw new LaunchException("cannot read feature file " + file + ": " + e.getMessage()
                    + " (expected an OSGi Feature JSON document with 'id' and 'bundles')", LaunchException.FAILURE);
        }
    }

    /** @return every feature, sorted by name */
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    /**
     * The features to install, in installation order: what each chosen feature requires comes before it.
     *
     * @param chosen feature names, or empty for all
     * @return the closure of the chosen features under {@value #REQUIRES}
     * @throws LaunchException for an unknown feature name, in a choice or in a requirement
     */
    public List<Entry> resolve(Optional<List<String>> chosen) throws LaunchException {
        Set<String> ordered = new LinkedHashSet<>();
        for (String name : chosen.orElseGet(() -> new ArrayList<>(entries.keySet()))) {
            addWithRequirements(name, null, ordered, new LinkedHashSet<>());
        }
        List<Entry> result = new ArrayList<>();
        ordered.forEach(name -> result.add(entries.get(name)));
        return result;
    }

    private void addWithRequirements(String name, String requiredBy, Set<String> ordered, Set<String> path)
            throws LaunchException {
        Entry entry = entries.get(name);
        if (entry == null) {
            String where = requiredBy == null ? "" : " (required by feature '" + requiredBy + "')";
            throw new LaunchException("unknown feature '" + name + "'" + where + "; known features: "
                    + String.join(", ", entries.keySet()), LaunchException.USAGE);
        }
        if (ordered.contains(name)) {
            return;
        }
        if (!path.add(name)) {
            throw new LaunchException("features require each other in a cycle: " + String.join(" -> ", path)
                    + " -> " + name, LaunchException.FAILURE);
        }
        for (String required : requirementsOf(entry)) {
            addWithRequirements(required, name, ordered, path);
        }
        path.remove(name);
        ordered.add(name);
    }

    private static List<String> requirementsOf(Entry entry) {
        FeatureExtension extension = entry.feature().getExtensions().get(REQUIRES);
        if (extension == null || extension.getType() != FeatureExtension.Type.TEXT) {
            return List.of();
        }
        return extension.getText().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
