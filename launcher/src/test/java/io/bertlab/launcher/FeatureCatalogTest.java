package io.bertlab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCatalogTest {

    @TempDir
    Path features;

    @Test
    void aCommandRunsWithItsFeatureWhatThatRequiresAndWhatExtendsThem() throws Exception {
        FeatureCatalog catalog = distributionLike();
        // in the catalog's (alphabetical) order, each feature after what it requires
        assertEquals(List.of("core", "tokenizers", "tokenizers-hf"),
                names(catalog.resolveForCommand(Set.of("tokenizers"))));
        assertEquals(List.of("core", "models", "engine-djl", "engine-java", "minilm", "tokenizers", "tokenizers-hf"),
                names(catalog.resolveForCommand(Set.of("models"))));
        assertEquals(List.of("core", "tokenizers", "models", "engine-java", "glue", "assin2", "engine-djl", "minilm",
                "tokenizers-hf"), names(catalog.resolveForCommand(Set.of("glue"))));
    }

    @Test
    void aCommandOfTheFeatureEveryOtherStandsOnRunsWithEveryFeature() throws Exception {
        FeatureCatalog catalog = distributionLike();
        assertEquals(names(catalog.resolve(Optional.empty())), names(catalog.resolveForCommand(Set.of("core"))));
    }

    private FeatureCatalog distributionLike() throws IOException, LaunchException {
        feature("core", List.of(), List.of());
        feature("shell", List.of("core"), List.of());
        feature("tokenizers", List.of("core"), List.of("models"));
        feature("tokenizers-hf", List.of("tokenizers"), List.of("tokenizers"));
        feature("models", List.of("core"), List.of());
        feature("engine-java", List.of("models"), List.of("models"));
        feature("engine-djl", List.of("models"), List.of("models"));
        feature("minilm", List.of("models", "engine-java"), List.of("models"));
        feature("glue", List.of("tokenizers", "models", "engine-java"), List.of());
        feature("assin2", List.of("glue"), List.of("glue"));
        return FeatureCatalog.read(features);
    }

    private void feature(String name, List<String> requires, List<String> extendsFeatures) throws IOException {
        StringBuilder json = new StringBuilder("{ \"id\": \"io.bertlab.test:" + name + ":osgifeature:1.0.0\", "
                + "\"bundles\": [], \"extensions\": { ");
        json.append(extension(FeatureCatalog.REQUIRES, requires));
        if (!extendsFeatures.isEmpty()) {
            json.append(", ").append(extension(FeatureCatalog.EXTENDS, extendsFeatures));
        }
        Files.writeString(features.resolve(name + ".json"), json.append(" } }").toString());
    }

    private static String extension(String name, List<String> features) {
        return "\"" + name + "\": { \"type\": \"text\", \"kind\": \"mandatory\", \"text\": ["
                + String.join(", ", features.stream().map(f -> "\"" + f + "\"").toList()) + "] }";
    }

    private static List<String> names(List<FeatureCatalog.Entry> entries) {
        return entries.stream().map(FeatureCatalog.Entry::name).toList();
    }
}
