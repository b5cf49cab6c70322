package io.bertlab.analysis.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** What bnd generated from the annotations: the method and the command, their properties, the imported contract. */
class ComponentMetadataTest {

    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void theManifestDeclaresTheServicesAndImportsTheContractAsItsProvider() throws Exception {
        Attributes attributes;
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            attributes = new Manifest(in).getMainAttributes();
        }
        assertNull(attributes.getValue("Export-Package"), "the implementation package is private");
        assertEquals(new TreeSet<>(List.of("OSGI-INF/io.bertlab.analysis.attribution.ExplainCommand.xml",
                "OSGI-INF/io.bertlab.analysis.attribution.IntegratedGradients.xml")),
                new TreeSet<>(List.of(attributes.getValue("Service-Component").split(","))));
        // a provider of @ProviderType interfaces accepts only minor-compatible contracts: 1.1 brought the rules
        assertTrue(attributes.getValue("Import-Package").contains("io.bertlab.api.analysis;version=\"[1.1,1.2)\""),
                attributes.getValue("Import-Package"));
        assertTrue(attributes.getValue("Provide-Capability").contains("io.bertlab.api.analysis.AttributionMethod"));
    }

    @Test
    void theMethodIsNamedAndTheCommandFindsItByName() throws Exception {
        String method = Files.readString(CLASSES.resolve(
                "OSGI-INF/io.bertlab.analysis.attribution.IntegratedGradients.xml"));
        assertTrue(method.contains("name=\"bertlab.attribution.method\" type=\"String\""
                + " value=\"integrated-gradients\""), method);
        String command = Files.readString(CLASSES.resolve(
                "OSGI-INF/io.bertlab.analysis.attribution.ExplainCommand.xml"));
        assertTrue(command.contains("name=\"bertlab.command.name\" type=\"String\" value=\"explain\""), command);
        assertTrue(command.contains("target=\"(bertlab.attribution.method=integrated-gradients)\""), command);
        assertTrue(command.contains("interface=\"io.bertlab.api.analysis.HtmlViews\""), command);
    }
}
