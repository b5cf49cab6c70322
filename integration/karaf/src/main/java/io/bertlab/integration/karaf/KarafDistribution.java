package io.bertlab.integration.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * An unpacked Karaf, read to check the mapping against what it really ships: its start-up bundles
 * ({@code etc/startup.properties}) and the features of its own repositories under
 * {@code system/org/apache/karaf/features}.
 */
final class KarafDistribution {

    private final Path home;
    /** groupId:artifactId to version. */
    private final Map<String, String> startup;
    private final Map<String, Element> features;

    private KarafDistribution(Path home, Map<String, String> startup, Map<String, Element> features) {
        this.home = home;
        this.startup = startup;
        this.features = features;
    }

    static KarafDistribution read(Path home) throws Exception {
        Properties startupFile = load(home.resolve("etc/startup.properties"));
        Map<String, String> startup = new HashMap<>();
        for (String url : startupFile.stringPropertyNames()) {
            String[] gav = mavenUrl(url);
            if (gav != null) {
                startup.put(gav[0] + ":" + gav[1], gav[2]);
            }
        }
        Map<String, Element> features = new HashMap<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try (Stream<Path> files = Files.walk(home.resolve("system/org/apache/karaf/features"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("-features.xml")).sorted().toList()) {
                NodeList list = factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement()
                        .getElementsByTagNameNS("*", "feature");
                for (int i = 0; i < list.getLength(); i++) {
                    Element feature = (Element) list.item(i);
                    if (feature.hasAttribute("name")) {
                        features.put(feature.getAttribute("name"), feature);
                    }
                }
            }
        }
        return new KarafDistribution(home, startup, features);
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        return properties;
    }

    /** @return groupId, artifactId, version (and type, classifier when given) of a mvn: URL, or null */
    static String[] mavenUrl(String url) {
        String trimmed = url.trim();
        if (!trimmed.startsWith("mvn:")) {
            return null;
        }
        String[] parts = trimmed.substring(4).split("/");
        return parts.length >= 3 ? parts : null;
    }

    /**
     * Checks the mapping and prints what each mapped bundle became (with the versions of both sides).
     *
     * @param mapping the mapping
     * @param generated the mapped features
     * @param repository the assembled repository, or null
     * @param out where the report goes
     * @return the problems, empty when the mapping holds for this Karaf
     */
    List<String> check(KarafMapping mapping, List<KarafFeaturesGenerator.Generated> generated, Path repository,
            PrintStream out) {
        List<String> problems = new ArrayList<>();
        Set<String> karafFeatures = new LinkedHashSet<>();
        Set<String> reported = new LinkedHashSet<>();
        for (KarafFeaturesGenerator.Generated feature : generated) {
            karafFeatures.addAll(feature.karafFeatures());
            for (String replaced : feature.replaced()) {
                if (!reported.add(replaced)) {
                    continue;
                }
                String[] gav = replaced.substring(0, replaced.indexOf(" -> ")).split(":");
                String ga = gav[0] + ":" + gav[1];
                String target = replaced.substring(replaced.indexOf(" -> ") + 4);
                if (target.equals(KarafMapping.FRAMEWORK)) {
                    String karafVersion = startup.get(ga);
                    if (karafVersion == null) {
                        problems.add(ga + " is mapped to 'framework', but " + home.resolve("etc/startup.properties")
                                + " does not start it");
                    } else {
                        out.println("Karaf mapping: " + ga + " " + gav[2] + " -> Karaf's start-up bundle " + ga + " "
                                + karafVersion);
                    }
                } else {
                    String name = target.substring(KarafMapping.FEATURE.length());
                    Element karafFeature = features.get(name);
                    if (karafFeature == null) {
                        problems.add(ga + " is mapped to Karaf feature '" + name + "', which this Karaf does not have");
                        continue;
                    }
                    String karafVersion = null;
                    for (Element bundle : children(karafFeature, "bundle")) {
                        String[] url = mavenUrl(bundle.getTextContent());
                        if (url != null && (url[0] + ":" + url[1]).equals(ga)) {
                            karafVersion = url[2];
                        }
                    }
                    out.println("Karaf mapping: " + ga + " " + gav[2] + " -> Karaf feature " + name + " "
                            + karafFeature.getAttribute("version") + (karafVersion == null
                                    ? " (which has it inside its own bundles)" : " (" + ga + " " + karafVersion + ")"));
                }
            }
        }
        Set<String> visited = new LinkedHashSet<>();
        for (String name : karafFeatures) {
            offline(name, repository, visited, problems);
        }
        return problems;
    }

    /** Every bundle a Karaf feature installs must be in Karaf's system/ or the assembled repository. */
    private void offline(String name, Path repository, Set<String> visited, List<String> problems) {
        if (!visited.add(name)) {
            return;
        }
        Element feature = features.get(name);
        if (feature == null) {
            problems.add("Karaf feature '" + name + "' is not in this Karaf's own repositories");
            return;
        }
        for (Element dependency : children(feature, "feature")) {
            offline(dependency.getTextContent().trim(), repository, visited, problems);
        }
        List<Element> bundles = new ArrayList<>(children(feature, "bundle"));
        for (Element conditional : children(feature, "conditional")) {
            // Karaf downloads the bundles of every conditional before it resolves, whether the condition holds or not
            bundles.addAll(children(conditional, "bundle"));
        }
        for (Element bundle : bundles) {
            String[] url = mavenUrl(bundle.getTextContent());
            if (url == null) {
                continue;
            }
            KarafFeaturesGenerator.Bundle artifact = KarafFeaturesGenerator.Bundle.parse(url.length == 3
                    ? String.join(":", url) : url.length == 4 ? url[0] + ":" + url[1] + ":" + url[3] + ":" + url[2]
                    : url[0] + ":" + url[1] + ":" + url[3] + ":" + url[4] + ":" + url[2]);
            boolean inSystem = Files.isRegularFile(artifact.path(home.resolve("system")));
            boolean inRepository = repository != null && Files.isRegularFile(artifact.path(repository));
            if (!inSystem && !inRepository) {
                problems.add("Karaf feature '" + name + "' installs " + bundle.getTextContent().trim()
                        + ", which neither Karaf's system/ nor " + repository + " holds: add it as a provided-scope"
                        + " dependency of integration/karaf/pom.xml");
            }
        }
    }

    /**
     * Validates a features document against the schema of its namespace, as shipped in this Karaf's features core.
     *
     * @param xml the document
     * @return the problems, empty when it is valid
     */
    List<String> validate(String xml) {
        String schemaName = "karaf-features-" + KarafFeaturesGenerator.NAMESPACE
                .substring(KarafFeaturesGenerator.NAMESPACE.lastIndexOf("/v") + 2) + ".xsd";
        try (Stream<Path> files = Files.walk(home.resolve("system/org/apache/karaf/features"))) {
            Path core = files.filter(f -> f.getFileName().toString().startsWith("org.apache.karaf.features.core-")
                    && f.toString().endsWith(".jar")).findFirst().orElse(null);
            if (core == null) {
                return List.of("no org.apache.karaf.features.core jar in " + home.resolve("system"));
            }
            try (ZipFile jar = new ZipFile(core.toFile())) {
                ZipEntry entry = jar.getEntry("org/apache/karaf/features/" + schemaName);
                if (entry == null) {
                    return List.of(core + " has no " + schemaName);
                }
                Schema schema;
                try (InputStream in = jar.getInputStream(entry)) {
                    schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                            .newSchema(new StreamSource(in));
                }
                schema.newValidator().validate(new StreamSource(new StringReader(xml)));
                return List.of();
            }
        } catch (SAXException e) {
            return List.of("the generated features.xml is not valid against " + schemaName + ": " + e.getMessage());
        } catch (IOException e) {
            return List.of("cannot validate against " + schemaName + ": " + e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> children = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                children.add(element);
            }
        }
        return children;
    }
}
