package io.bertlab.integration.karaf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a Karaf features repository ({@code features.xml}) from bertlab's OSGi Feature files
 * ({@code features/*.json}, filtered with the pom's versions), so that Karaf and {@code bin/bertlab} install the same
 * bundles from one definition. Run by the build of {@code integration/karaf}:
 *
 * <pre>
 * KarafFeaturesGenerator --features DIR --mapping karaf-mapping.properties --version V --output features.xml
 *     [--repository DIR] [--karaf DIR]
 * </pre>
 *
 * <ul>
 * <li>each {@code NAME.json} becomes feature {@code <prefix>NAME} of the same version; its {@code name} is the
 * description, its {@code description} the details;</li>
 * <li>{@code bertlab.requires} becomes dependencies on the other generated features (exact version);</li>
 * <li>bundles Karaf already has (the mapping's {@code provided.*}) become a dependency on Karaf's own feature, or
 * nothing for Karaf's start-up bundles; the mapping's {@code added.*} bundles are added; third-party bundles are
 * {@code dependency="true"}, so Karaf reuses a suitable copy already installed;</li>
 * <li>{@code configurations} become {@code <config>} elements, {@code ${name}} references renamed as the mapping's
 * {@code property.*} says;</li>
 * <li>{@code bertlab.extends} is a start-up hint of {@code bin/bertlab} (which features to start along with which);
 * in Karaf everything installed stays installed, so it is kept as a comment only.</li>
 * </ul>
 *
 * <p>With {@code --repository}, every bundle the repository names must be in that Maven-layout folder (the build
 * assembles it from the module's dependencies), and the features.xml is also written there under the
 * {@code --coordinates} given. With {@code --karaf} (an unpacked Karaf), the mapping is checked against what that
 * Karaf really ships: the document against its features schema, every {@code framework} bundle in
 * {@code etc/startup.properties}, every {@code feature:NAME} among its features, and every bundle those features name
 * present in its {@code system/} or the repository.
 * Anything unknown in a feature file (a bundle key, a top-level key such as {@code frameworkProperties}, a mandatory
 * extension) stops the build rather than being dropped silently.
 */
public final class KarafFeaturesGenerator {

    static final String NAMESPACE = "http://karaf.apache.org/xmlns/features/v1.6.0";
    private static final Set<String> METADATA = Set.of("feature-resource-version", "id", "name", "description",
            "vendor", "license", "docURL", "scm", "categories", "complete", "bundles", "configurations", "extensions");
    private static final String REQUIRES = "bertlab.requires";
    private static final String EXTENDS = "bertlab.extends";
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    private final KarafMapping mapping;
    private final String version;

    /**
     * A generator.
     *
     * @param mapping what Karaf has and lacks
     * @param version the version of every generated feature (the project's)
     */
    public KarafFeaturesGenerator(KarafMapping mapping, String version) {
        this.mapping = mapping;
        this.version = version;
    }

    /** One bundle of a generated feature. */
    record Bundle(String groupId, String artifactId, String version, String type, String classifier) {

        static Bundle parse(String id) {
            String[] parts = id.split(":");
            return switch (parts.length) {
                case 3 -> new Bundle(parts[0], parts[1], parts[2], "jar", null);
                case 4 -> new Bundle(parts[0], parts[1], parts[3], parts[2], null);
                case 5 -> new Bundle(parts[0], parts[1], parts[4], parts[2], parts[3]);
                default -> throw new IllegalArgumentException("not a Maven ID (groupId:artifactId[:type[:classifier]]"
                        + ":version): " + id);
            };
        }

        String url() {
            String url = "mvn:" + groupId + "/" + artifactId + "/" + version;
            if (classifier != null) {
                return url + "/" + type + "/" + classifier;
            }
            return type.equals("jar") ? url : url + "/" + type;
        }

        Path path(Path repository) {
            Path folder = repository;
            for (String part : groupId.split("\\.")) {
                folder = folder.resolve(part);
            }
            return folder.resolve(artifactId).resolve(version)
                    .resolve(artifactId + "-" + version + (classifier == null ? "" : "-" + classifier) + "." + type);
        }
    }

    /** One feature file, mapped. */
    record Generated(String name, String source, String description, String details, List<String> karafFeatures,
            List<String> requires, List<String> extendsFeatures, List<Bundle> bundles, List<String> replaced,
            Map<String, Map<String, String>> configurations) {
    }

    /**
     * Maps every {@code *.json} of a folder.
     *
     * @param features the filtered feature files
     * @return the generated features, by file name
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when a file holds what the mapping cannot express
     */
    public List<Generated> map(Path features) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(features)) {
            files = list.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no feature files (*.json) in " + features);
        }
        ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);
        Set<String> names = new LinkedHashSet<>();
        for (Path file : files) {
            names.add(file.getFileName().toString().replaceFirst("\\.json$", ""));
        }
        List<Generated> generated = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            generated.add(map(name, file, json.readTree(file.toFile()), names));
        }
        return generated;
    }

    private Generated map(String name, Path file, JsonNode feature, Set<String> names) {
        String where = "features/" + file.getFileName();
        for (Iterator<String> keys = feature.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!METADATA.contains(key)) {
                throw new IllegalArgumentException(where + ": '" + key + "' has no Karaf mapping in "
                        + getClass().getSimpleName() + "; teach the generator what it means");
            }
        }
        String id = feature.path("id").asText();
        if (id.contains("${")) {
            throw new IllegalArgumentException(where + ": id " + id + " is not filtered with the pom's properties");
        }
        List<String> karafFeatures = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        List<Bundle> bundles = new ArrayList<>();
        for (JsonNode entry : feature.path("bundles")) {
            for (Iterator<String> keys = entry.fieldNames(); keys.hasNext();) {
                String key = keys.next();
                if (!key.equals("id")) {
                    throw new IllegalArgumentException(where + ": bundle property '" + key + "' of "
                            + entry.path("id").asText() + " has no Karaf mapping");
                }
            }
            Bundle bundle = Bundle.parse(entry.path("id").asText());
            String provided = mapping.providedBy(bundle.groupId(), bundle.artifactId());
            if (provided == null) {
                bundles.add(bundle);
            } else {
                replaced.add(bundle.groupId() + ":" + bundle.artifactId() + ":" + bundle.version() + " -> "
                        + provided);
                if (provided.startsWith(KarafMapping.FEATURE)) {
                    String karafFeature = provided.substring(KarafMapping.FEATURE.length());
                    if (!karafFeatures.contains(karafFeature)) {
                        karafFeatures.add(karafFeature);
                    }
                }
            }
        }
        for (String gav : mapping.added().getOrDefault(name, List.of())) {
            bundles.add(Bundle.parse(gav));
        }
        List<String> requires = text(feature, REQUIRES, where);
        for (String required : requires) {
            if (!names.contains(required)) {
                throw new IllegalArgumentException(where + ": " + REQUIRES + " names '" + required
                        + "', which is no feature file; known: " + names);
            }
        }
        List<String> extendsFeatures = text(feature, EXTENDS, where);
        for (Iterator<Map.Entry<String, JsonNode>> extensions = feature.path("extensions").fields();
                extensions.hasNext();) {
            Map.Entry<String, JsonNode> extension = extensions.next();
            if (!extension.getKey().equals(REQUIRES) && !extension.getKey().equals(EXTENDS)
                    && "mandatory".equals(extension.getValue().path("kind").asText("optional"))) {
                throw new IllegalArgumentException(where + ": mandatory extension '" + extension.getKey()
                        + "' has no Karaf mapping");
            }
        }
        Map<String, Map<String, String>> configurations = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> pids = feature.path("configurations").fields(); pids.hasNext();) {
            Map.Entry<String, JsonNode> pid = pids.next();
            Map<String, String> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> entries = pid.getValue().fields(); entries.hasNext();) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (!entry.getValue().isValueNode() || entry.getValue().isNull()) {
                    throw new IllegalArgumentException(where + ": configuration " + pid.getKey() + " key "
                            + entry.getKey() + ": only strings, numbers and booleans have a Karaf mapping");
                }
                values.put(entry.getKey(), renameProperties(entry.getValue().asText()));
            }
            configurations.put(pid.getKey(), values);
        }
        return new Generated(mapping.prefix() + name, where, feature.path("name").asText(name),
                feature.path("description").asText(""), karafFeatures,
                requires.stream().map(r -> mapping.prefix() + r).toList(),
                extendsFeatures.stream().map(r -> mapping.prefix() + r).toList(), bundles, replaced, configurations);
    }

    private static List<String> text(JsonNode feature, String extension, String where) {
        JsonNode node = feature.path("extensions").path(extension);
        if (node.isMissingNode()) {
            return List.of();
        }
        if (!"text".equals(node.path("type").asText())) {
            throw new IllegalArgumentException(where + ": extension " + extension + " must be of type text");
        }
        List<String> values = new ArrayList<>();
        JsonNode text = node.path("text");
        if (text.isArray()) {
            text.forEach(t -> values.add(t.asText().trim()));
        } else {
            for (String line : text.asText().split("\n")) {
                if (!line.isBlank()) {
                    values.add(line.trim());
                }
            }
        }
        return values;
    }

    private String renameProperties(String value) {
        Matcher matcher = PROPERTY.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String renamed = mapping.properties().getOrDefault(matcher.group(1), matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement("${" + renamed + "}"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * The features XML of mapped features.
     *
     * @param repositoryName the repository's name attribute
     * @param features the mapped features
     * @return the document
     */
    public String xml(String repositoryName, List<Generated> features) {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<!-- Generated by io.bertlab.integration.karaf.KarafFeaturesGenerator from features/*.json"
                + " (filtered with the\n     pom's versions) and integration/karaf/src/main/karaf/karaf-mapping"
                + ".properties. Do not edit: change those. -->\n");
        xml.append("<features xmlns=\"").append(NAMESPACE).append("\" name=\"").append(attr(repositoryName))
                .append("\">\n");
        for (Generated feature : features) {
            xml.append("\n  <!-- ").append(comment(feature.source()));
            for (String replaced : feature.replaced()) {
                xml.append("\n       ").append(comment(replaced));
            }
            if (!feature.extendsFeatures().isEmpty()) {
                xml.append("\n       bertlab.extends ").append(comment(String.join(", ", feature.extendsFeatures())))
                        .append(": bin/bertlab starts it along with those; here, install it beside them");
            }
            xml.append(" -->\n");
            xml.append("  <feature name=\"").append(attr(feature.name())).append("\" version=\"")
                    .append(attr(version)).append("\" description=\"").append(attr(feature.description()))
                    .append("\">\n");
            if (!feature.details().isEmpty()) {
                xml.append("    <details>").append(text(feature.details())).append("</details>\n");
            }
            for (String karafFeature : feature.karafFeatures()) {
                xml.append("    <feature>").append(text(karafFeature)).append("</feature>\n");
            }
            for (String required : feature.requires()) {
                xml.append("    <feature version=\"").append(attr(version)).append("\">").append(text(required))
                        .append("</feature>\n");
            }
            for (Map.Entry<String, Map<String, String>> configuration : feature.configurations().entrySet()) {
                xml.append("    <config name=\"").append(attr(configuration.getKey())).append("\">\n");
                for (Map.Entry<String, String> entry : configuration.getValue().entrySet()) {
                    xml.append("      ").append(text(propertyKey(entry.getKey()))).append(" = ")
                            .append(text(propertyValue(entry.getValue()))).append('\n');
                }
                xml.append("    </config>\n");
            }
            for (Bundle bundle : feature.bundles()) {
                boolean own = bundle.groupId().startsWith("io.bertlab");
                xml.append("    <bundle").append(own ? "" : " dependency=\"true\"").append(">")
                        .append(text(bundle.url())).append("</bundle>\n");
            }
            xml.append("  </feature>\n");
        }
        xml.append("</features>\n");
        return xml.toString();
    }

    /**
     * Every bundle of the features that a Maven-layout folder lacks.
     *
     * @param features the mapped features
     * @param repository the folder
     * @return the missing bundles' URLs, empty when all are there
     */
    static List<String> missingFrom(List<Generated> features, Path repository) {
        List<String> missing = new ArrayList<>();
        for (Generated feature : features) {
            for (Bundle bundle : feature.bundles()) {
                if (!Files.isRegularFile(bundle.path(repository)) && !missing.contains(bundle.url())) {
                    missing.add(bundle.url());
                }
            }
        }
        return missing;
    }

    private static String attr(String value) {
        return text(value).replace("\"", "&quot;");
    }

    private static String text(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String comment(String value) {
        return value.replace("--", "- -");
    }

    private static String propertyKey(String key) {
        return key.replace("\\", "\\\\").replace("=", "\\=").replace(":", "\\:").replace(" ", "\\ ");
    }

    private static String propertyValue(String value) {
        String escaped = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return escaped.startsWith(" ") ? "\\" + escaped : escaped;
    }

    /**
     * Runs the generator (see the class comment for the arguments).
     *
     * @param args the command line
     * @throws Exception when the repository cannot be written or a check fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value pairs, got " + String.join(" ", args));
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String required : List.of("features", "mapping", "version", "output")) {
            if (!options.containsKey(required)) {
                throw new IllegalArgumentException("missing --" + required);
            }
        }
        KarafMapping mapping = KarafMapping.read(Paths.get(options.get("mapping")));
        String version = options.get("version");
        KarafFeaturesGenerator generator = new KarafFeaturesGenerator(mapping, version);
        List<Generated> features = generator.map(Paths.get(options.get("features")));
        String xml = generator.xml(options.getOrDefault("name", "bertlab-" + version), features);

        List<String> problems = new ArrayList<>();
        Path repository = options.containsKey("repository") ? Paths.get(options.get("repository")) : null;
        if (repository != null) {
            for (String missing : missingFrom(features, repository)) {
                problems.add(missing + " is not in " + repository + ": add its artifact as a provided-scope"
                        + " dependency of integration/karaf/pom.xml");
            }
        }
        if (options.containsKey("karaf")) {
            KarafDistribution karaf = KarafDistribution.read(Paths.get(options.get("karaf")));
            problems.addAll(karaf.validate(xml));
            problems.addAll(karaf.check(mapping, features, repository, System.out));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the Karaf features repository cannot be installed offline:\n  "
                    + String.join("\n  ", problems));
        }
        Path output = Paths.get(options.get("output"));
        write(output, xml);
        if (repository != null && options.containsKey("coordinates")) {
            Bundle artifact = Bundle.parse(options.get("coordinates"));
            write(artifact.path(repository), xml);
        }
        System.out.println("Karaf features: " + features.size() + " features (" + features.stream()
                .map(Generated::name).reduce((a, b) -> a + ", " + b).orElse("") + ") written to " + output);
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
