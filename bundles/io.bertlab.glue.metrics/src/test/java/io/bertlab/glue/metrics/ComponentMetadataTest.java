package io.bertlab.glue.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.Metric;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** The Declarative Services metadata bnd generated: one {@link Metric} service per metric, under its name. */
class ComponentMetadataTest {

    /** The standard names of {@link Metric}'s contract, which tasks refer to. */
    private static final Set<String> STANDARD_NAMES = Set.of("accuracy", "f1", "f1_macro", "matthews_correlation",
            "pearson", "spearman", "mse");

    @Test
    void everyComponentIsAMetricServiceNamedByItsProperty() throws Exception {
        List<DeclaredMetrics.Declaration> declarations = DeclaredMetrics.declarations();
        Set<String> names = new TreeSet<>();
        for (DeclaredMetrics.Declaration declaration : declarations) {
            assertEquals(List.of(Metric.class.getName()), declaration.provides(), declaration.file().toString());
            String name = declaration.properties().get(Metric.METRIC);
            Metric metric = declaration.instantiate();
            assertEquals(metric.name(), name, declaration.file() + ": the property must equal name()");
            assertTrue(names.add(name), "declared twice: " + name);
        }
        assertEquals(STANDARD_NAMES, names);
    }

    @Test
    void onlyTheErrorIsLowerIsBetter() throws Exception {
        for (Map.Entry<String, Metric> entry : DeclaredMetrics.byName().entrySet()) {
            assertEquals(!entry.getKey().equals("mse"), entry.getValue().higherIsBetter(), entry.getKey());
        }
    }

    @Test
    void manifestListsTheComponentsAndExportsNothing() throws Exception {
        Manifest manifest;
        try (InputStream in = Files.newInputStream(DeclaredMetrics.classesFolder().resolve("META-INF/MANIFEST.MF"))) {
            manifest = new Manifest(in);
        }
        var attributes = manifest.getMainAttributes();
        assertNull(attributes.getValue("Export-Package"), "the metrics package is private");
        List<String> listed = new ArrayList<>(Arrays.asList(attributes.getValue("Service-Component").split(",")));
        List<String> generated = new ArrayList<>();
        for (DeclaredMetrics.Declaration declaration : DeclaredMetrics.declarations()) {
            generated.add("OSGI-INF/" + declaration.file().getFileName());
        }
        listed.sort(null);
        assertEquals(generated, listed);
        assertTrue(attributes.getValue("Provide-Capability").contains(Metric.class.getName()),
                attributes.getValue("Provide-Capability"));
    }
}
