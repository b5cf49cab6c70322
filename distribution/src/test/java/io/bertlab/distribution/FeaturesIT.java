package io.bertlab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bertlab.launcher.BertlabRuntime;
import io.bertlab.launcher.FeatureCatalog;
import io.bertlab.launcher.LaunchOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.osgi.framework.Bundle;
import org.osgi.service.feature.FeatureBundle;
import org.osgi.service.feature.ID;

/** Each feature, alone in a fresh Felix framework: every bundle ACTIVE, every component satisfied. */
class FeaturesIT {

    static Stream<String> features() throws Exception {
        return FeatureCatalog.read(Distribution.home().resolve("features")).entries().stream()
                .map(FeatureCatalog.Entry::name);
    }

    @ParameterizedTest(name = "feature {0} starts alone")
    @MethodSource("features")
    void featureStartsAloneWithEverythingActiveAndSatisfied(String feature) throws Exception {
        Path home = Distribution.home();
        LaunchOptions options = LaunchOptions.parse(new String[] {"--features", feature}, home);
        FeatureCatalog catalog = FeatureCatalog.read(home.resolve("features"));
        List<FeatureCatalog.Entry> chosen = catalog.resolve(options.features());
        try (BertlabRuntime runtime = BertlabRuntime.start(options, catalog, chosen)) {
            for (Bundle bundle : runtime.framework().getBundleContext().getBundles()) {
                assertEquals(Bundle.ACTIVE, bundle.getState(), bundle.getSymbolicName() + " is not ACTIVE");
            }
            // the command's status says it all: 0 only when every bundle is ACTIVE and no component unsatisfied
            // (its text is not captured here: the shell feature's Gogo redirects System.out on threads of its own)
            assertEquals(0, runtime.execute(List.of("features")), "bertlab features reported a problem (see its output)");
        }
    }

    /**
     * Every bertlab bundle is named after its Maven artifact (its folder under bundles/): a bnd.bnd that forgets to
     * restate the names gets the parent pom's, which no other bundle or tool expects.
     */
    @Test
    void everyBertlabBundleIsNamedAfterItsArtifact() throws Exception {
        Path system = Distribution.home().resolve("system");
        for (FeatureCatalog.Entry entry : FeatureCatalog.read(Distribution.home().resolve("features")).entries()) {
            for (FeatureBundle bundle : entry.feature().getBundles()) {
                ID id = bundle.getID();
                if (!id.getGroupId().equals("io.bertlab")) {
                    continue;
                }
                Path jar = system.resolve(id.getGroupId().replace('.', '/')).resolve(id.getArtifactId())
                        .resolve(id.getVersion()).resolve(id.getArtifactId() + "-" + id.getVersion() + ".jar");
                try (JarFile file = new JarFile(jar.toFile())) {
                    String name = file.getManifest().getMainAttributes().getValue("Bundle-SymbolicName");
                    assertEquals(id.getArtifactId(), name.split(";")[0].trim(), jar + ": Bundle-SymbolicName");
                }
            }
        }
    }
}
