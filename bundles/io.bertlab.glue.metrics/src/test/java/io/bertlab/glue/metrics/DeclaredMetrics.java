package io.bertlab.glue.metrics;

import io.bertlab.api.glue.Metric;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The components bnd generated into {@code target/classes/OSGI-INF} from the {@code @Component} annotations, read as
 * SCR reads them, so that tests reach each metric the way the framework does: through its declared service property.
 */
final class DeclaredMetrics {

    /**
     * One component description.
     *
     * @param file the XML file
     * @param implementation the implementation class's name
     * @param provides the service interfaces
     * @param properties the declared properties, name to value
     */
    record Declaration(Path file, String implementation, List<String> provides, Map<String, String> properties) {

        /** @return a new instance of the implementation, made as SCR makes it (public no-argument constructor) */
        Metric instantiate() {
            try {
                return (Metric) Class.forName(implementation).getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(file + ": cannot instantiate " + implementation, e);
            }
        }
    }

    private DeclaredMetrics() {
    }

    /** @return the folder the bundle's classes and generated metadata are in ({@code target/classes}) */
    static Path classesFolder() {
        try {
            return Path.of(Accuracy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** @return every component description under {@code OSGI-INF}, by file name */
    static List<Declaration> declarations() throws Exception {
        Path folder = classesFolder().resolve("OSGI-INF");
        List<Declaration> declarations = new ArrayList<>();
        for (Path file : xmlFiles(folder)) {
            declarations.add(read(file));
        }
        return declarations;
    }

    /**
     * The metrics by the value of their {@value Metric#METRIC} property.
     *
     * @return name to a fresh instance
     */
    static Map<String, Metric> byName() throws Exception {
        Map<String, Metric> metrics = new TreeMap<>();
        for (Declaration declaration : declarations()) {
            String name = declaration.properties().get(Metric.METRIC);
            if (name != null && metrics.put(name, declaration.instantiate()) != null) {
                throw new AssertionError("two components declare " + Metric.METRIC + "=" + name);
            }
        }
        return metrics;
    }

    private static List<Path> xmlFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new AssertionError("no generated component descriptions in " + folder
                    + " (bnd-maven-plugin writes them in process-classes)");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
    }

    private static Declaration read(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        Element component = document.getDocumentElement();
        Element implementation = (Element) component.getElementsByTagName("implementation").item(0);
        List<String> provides = new ArrayList<>();
        NodeList provideNodes = component.getElementsByTagName("provide");
        for (int i = 0; i < provideNodes.getLength(); i++) {
            provides.add(((Element) provideNodes.item(i)).getAttribute("interface"));
        }
        Map<String, String> properties = new TreeMap<>();
        NodeList propertyNodes = component.getElementsByTagName("property");
        for (int i = 0; i < propertyNodes.getLength(); i++) {
            Element property = (Element) propertyNodes.item(i);
            String type = property.getAttribute("type");
            if (!type.isEmpty() && !type.equals("String")) {
                throw new AssertionError(file + ": property " + property.getAttribute("name") + " has type " + type);
            }
            properties.put(property.getAttribute("name"), property.getAttribute("value"));
        }
        return new Declaration(file, implementation == null ? null : implementation.getAttribute("class"), provides,
                properties);
    }
}
