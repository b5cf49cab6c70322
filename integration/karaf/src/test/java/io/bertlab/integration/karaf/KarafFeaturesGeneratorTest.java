package io.bertlab.integration.karaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The generated features.xml against the feature files it comes from (the filtered {@code features/*.json} and the
 * mapping, as the build prepared them under {@code target/}): nothing dropped, nothing Karaf has installed twice.
 */
class KarafFeaturesGeneratorTest {

    private static final Path FEATURES = Paths.get("target/features");
    private static final Path MAPPING = Paths.get("target/karaf-mapping/karaf-mapping.properties");
    private static final String VERSION = "1.2.3-SNAPSHOT";

    @TempDir
    Path temp;

    @Test
    void everyFeatureFileBecomesOneKarafFeatureWithItsBundlesOrKarafsOwn() throws Exception {
        KarafMapping mapping = KarafMapping.read(MAPPING);
        Element root = generate(mapping, FEATURES);
        assertEquals(KarafFeaturesGenerator.NAMESPACE, root.getNamespaceURI());
        List<Path> files = jsonFiles(FEATURES);
        assertEquals(files.size(), children(root, "feature").size(), "one Karaf feature per feature file");
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.json$", "");
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            Element feature = feature(root, "bertlab-" + name);
            assertEquals(VERSION, feature.getAttribute("version"));
            assertEquals(json.path("name").asText(), feature.getAttribute("description"));
            List<String> bundles = texts(children(feature, "bundle"));
            List<String> dependencies = texts(children(feature, "feature"));
            for (JsonNode bundle : json.path("bundles")) {
                String[] gav = bundle.path("id").asText().split(":");
                String url = "mvn:" + gav[0] + "/" + gav[1] + "/" + gav[2];
                String provided = mapping.providedBy(gav[0], gav[1]);
                if (provided == null) {
                    assertTrue(bundles.contains(url), name + ": " + url + " missing from " + bundles);
                } else {
                    assertFalse(bundles.contains(url), name + ": Karaf has " + url + " already (" + provided + ")");
                    if (provided.startsWith(KarafMapping.FEATURE)) {
                        assertTrue(dependencies.contains(provided.substring(KarafMapping.FEATURE.length())),
                                name + " must depend on Karaf's " + provided + ": " + dependencies);
                    }
                }
            }
            for (JsonNode required : json.path("extensions").path("bertlab.requires").path("text")) {
                Element dependency = children(feature, "feature").stream()
                        .filter(f -> f.getTextContent().equals("bertlab-" + required.asText())).findFirst()
                        .orElse(null);
                assertNotNull(dependency, name + " requires " + required.asText());
                assertEquals(VERSION, dependency.getAttribute("version"), "the same repository's version");
            }
            assertEquals(json.path("configurations").size(), children(feature, "config").size(), name);
        }
        // the runtimes Karaf brings are never installed a second time, by any feature
        NodeList every = root.getElementsByTagNameNS("*", "bundle");
        for (int i = 0; i < every.getLength(); i++) {
            String url = every.item(i).getTextContent();
            assertFalse(url.contains("org.apache.felix.scr/") || url.contains("org.apache.felix.configadmin/")
                    || url.contains("org.apache.felix.gogo") || url.contains("org.apache.felix.fileinstall/"), url);
        }
        // what bin/bertlab's class path gives the bundles, Karaf lacks: the core feature brings it
        assertTrue(texts(children(feature(root, "bertlab-core"), "bundle")).stream()
                .anyMatch(b -> b.startsWith("mvn:org.osgi/org.osgi.service.feature/")));
    }

    @Test
    void configurationsNameKarafsPropertiesWhereTheFilesNameBertlabs() throws Exception {
        Element root = generate(KarafMapping.read(MAPPING), FEATURES);
        for (Path file : jsonFiles(FEATURES)) {
            JsonNode json = new ObjectMapper().readTree(file.toFile());
            Element feature = feature(root, "bertlab-" + file.getFileName().toString().replaceFirst("\\.json$", ""));
            for (Element config : children(feature, "config")) {
                JsonNode expected = json.path("configurations").path(config.getAttribute("name"));
                assertFalse(expected.isMissingNode(), config.getAttribute("name"));
                Properties properties = new Properties();
                properties.load(new ByteArrayInputStream(config.getTextContent().getBytes(StandardCharsets.ISO_8859_1)));
                assertEquals(expected.size(), properties.size(), config.getTextContent());
                expected.fields().forEachRemaining(entry -> assertEquals(
                        entry.getValue().asText().replace("${bertlab.home}", "${karaf.base}"),
                        properties.getProperty(entry.getKey()), entry.getKey()));
            }
        }
        Element minilm = children(feature(root, "bertlab-minilm"), "config").get(0);
        assertEquals("io.bertlab.model~minilm", minilm.getAttribute("name"), "a named factory configuration");
        assertTrue(minilm.getTextContent().contains("bertlab.model.directory = ${karaf.base}/models/minilm"),
                minilm.getTextContent());
    }

    @Test
    void whatTheMappingCannotExpressStopsTheBuild() throws Exception {
        KarafMapping mapping = KarafMapping.read(MAPPING);
        String bundle = "{ \"id\": \"io.bertlab:io.bertlab.api:1.0.0\" }";
        assertRejected(mapping, "{ \"id\": \"io.bertlab:a:osgifeature:1\", \"bundles\": [" + bundle + "],"
                + " \"frameworkProperties\": { \"x\": \"y\" } }", "frameworkProperties");
        assertRejected(mapping, "{ \"id\": \"io.bertlab:a:osgifeature:1\", \"bundles\": [ { \"id\":"
                + " \"io.bertlab:io.bertlab.api:1.0.0\", \"start-order\": 3 } ] }", "start-order");
        assertRejected(mapping, "{ \"id\": \"io.bertlab:a:osgifeature:1\", \"bundles\": [" + bundle + "],"
                + " \"extensions\": { \"bertlab.requires\": { \"type\": \"text\", \"kind\": \"mandatory\","
                + " \"text\": [\"nonesuch\"] } } }", "nonesuch");
        assertRejected(mapping, "{ \"id\": \"io.bertlab:a:osgifeature:1\", \"bundles\": [" + bundle + "],"
                + " \"extensions\": { \"other\": { \"type\": \"text\", \"kind\": \"mandatory\", \"text\": [] } } }",
                "other");
        assertRejected(mapping, "{ \"id\": \"io.bertlab:a:osgifeature:${project.version}\", \"bundles\": [] }",
                "not filtered");
    }

    @Test
    void aBundleMissingFromTheRepositoryIsNamed() throws Exception {
        KarafFeaturesGenerator generator = new KarafFeaturesGenerator(KarafMapping.read(MAPPING), VERSION);
        List<KarafFeaturesGenerator.Generated> features = generator.map(FEATURES);
        List<String> missing = KarafFeaturesGenerator.missingFrom(features, temp);
        assertTrue(missing.contains("mvn:io.bertlab/io.bertlab.api/" + features.get(0).bundles().get(0).version()),
                missing.toString());
    }

    private void assertRejected(KarafMapping mapping, String json, String named) throws Exception {
        Path folder = Files.createDirectories(temp.resolve("case" + System.nanoTime()));
        Files.writeString(folder.resolve("a.json"), json);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KarafFeaturesGenerator(mapping, VERSION).map(folder));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    private static Element generate(KarafMapping mapping, Path features) throws Exception {
        KarafFeaturesGenerator generator = new KarafFeaturesGenerator(mapping, VERSION);
        String xml = generator.xml("bertlab-" + VERSION, generator.map(features));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    private static List<Path> jsonFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertTrue(list.size() >= 10, "the filtered feature files in " + folder.toAbsolutePath());
            return list;
        }
    }

    private static Element feature(Element root, String name) {
        return children(root, "feature").stream().filter(f -> f.getAttribute("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no feature " + name));
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

    private static List<String> texts(List<Element> elements) {
        return elements.stream().map(e -> e.getTextContent().trim()).toList();
    }
}
