package io.bertlab.analysis;

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

/** What bnd generated from the annotations: the seven components, the commands' names, the imported contract. */
class ComponentMetadataTest {

    private static final Path CLASSES = Path.of("target", "classes");

    @Test
    void theManifestDeclaresTheServicesAndImportsTheContractAsItsProvider() throws Exception {
        Attributes attributes;
        try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
            attributes = new Manifest(in).getMainAttributes();
        }
        assertNull(attributes.getValue("Export-Package"), "the implementation package is private");
        assertEquals(new TreeSet<>(List.of("AttentionStatsCommand", "EngineAttentionCapture", "HeadPatternStatistics",
                "SelfAttentionCommand", "SelfAttentionTracer", "BertVizViews", "AttentionViewCommand").stream()
                .map(c -> "OSGI-INF/io.bertlab.analysis." + c + ".xml").toList()),
                new TreeSet<>(List.of(attributes.getValue("Service-Component").split(","))));
        // a provider of @ProviderType interfaces accepts only minor-compatible contracts
        assertTrue(attributes.getValue("Import-Package").contains("io.bertlab.api.analysis;version=\"[1.1,1.2)\""),
                attributes.getValue("Import-Package"));
        for (String service : List.of("AttentionCapture", "AttentionPatterns", "AttentionTracer", "HtmlViews")) {
            assertTrue(attributes.getValue("Provide-Capability").contains("io.bertlab.api.analysis." + service),
                    service);
        }
    }

    @Test
    void theCommandsAreRegisteredUnderTheirNames() throws Exception {
        String stats = Files.readString(CLASSES.resolve("OSGI-INF/io.bertlab.analysis.AttentionStatsCommand.xml"));
        assertTrue(stats.contains("name=\"bertlab.command.name\" type=\"String\" value=\"attention-stats\""), stats);
        assertTrue(stats.contains("interface=\"io.bertlab.api.model.ModelResolver\""), stats);
        String trace = Files.readString(CLASSES.resolve("OSGI-INF/io.bertlab.analysis.SelfAttentionCommand.xml"));
        assertTrue(trace.contains("name=\"bertlab.command.name\" type=\"String\" value=\"self-attention\""), trace);
    }
}
