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
 * {@value #REQUIRES} (one feature name per line); choosing a feature chooses those too. A feature that plugs into
 * others without commands of its own (an engine into {@code models}, a task into {@code glue}) names them in
 * {@value #EXTENDS}, so that a command of those features finds it (see {@link #resolveForCommand}).
 */
public final class FeatureCatalog {

    /** The extension through which a feature names the features it needs. */
    public static final String REQUIRES = "bertlab.requires";

    /** The extension through which a feature names the features whose commands it serves. */
    public static final String EXTENDS = "bertlab.extends";

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

    /**
     * The features a command runs with when none are chosen: the features that provide it, what they require, and
     * every feature that extends one of those ({@value #EXTENDS}) with what it requires, until nothing more extends
     * the set. A command of a foundation feature (one every other feature requires, such as {@code core} with
     * {@code features} and {@code help}) describes the whole system, so it runs with every feature.
     *
     * @param providers the features whose bundles declare the command
     * @return the features to install, in installation order
     * @throws LaunchException for an unknown feature name in a requirement
     */
    public List<Entry> resolveForCommand(Set<String> providers) throws LaunchException {
        if (providers.stream().anyMatch(this::isFoundation)) {
            return resolve(Optional.empty());
        }
        Set<String> selected = new LinkedHashSet<>(namesOf(resolve(Optional.of(List.copyOf(providers)))));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Entry entry : entries.values()) {
                if (!selected.contains(entry.name())
                        && textExtension(entry, EXTENDS).stream().anyMatch(selected::contains)) {
                    selected.addAll(namesOf(resolve(Optional.of(List.of(entry.name())))));
                    grew = true;
                }
            }
        }
        // in catalog order, so that the installation order does not depend on the order of discovery
        return resolve(Optional.of(entries.keySet().stream().filter(selected::contains).toList()));
    }

    private boolean isFoundation(String name) {
        if (entries.size() < 2) {
            return false;
        }
        for (String other : entries.keySet()) {
            if (!other.equals(name) && !requiresTransitively(other, name, new LinkedHashSet<>())) {
                return false;
            }
        }
        return true;
    }

    private boolean requiresTransitively(String feature, String required, Set<String> seen) {
        Entry entry = entries.get(feature);
        if (entry == null || !seen.add(feature)) {
            return false;
        }
        for (String direct : requirementsOf(entry)) {
            if (direct.equals(required) || requiresTransitively(direct, required, seen)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> namesOf(List<Entry> entries) {
        return entries.stream().map(Entry::name).toList();
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
        return textExtension(entry, REQUIRES);
    }

    private static List<String> textExtension(Entry entry, String name) {
        FeatureExtension extension = entry.feature().getExtensions().get(name);
        if (extension == null || extension.getType() != FeatureExtension.Type.TEXT) {
            return List.of();
        }
        return extension.getText().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
