package io.bertlab.api.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnavailableConfigurationTest {

    @TempDir
    Path temp;

    @Test
    void aFileInstallConfigurationIsNamedByItsFileAsAPath() {
        Path file = temp.resolve("deploy/io.bertlab.model-broken.cfg");
        UnavailableConfiguration failure = UnavailableConfiguration.of("model", "broken",
                Map.of("service.pid", "io.bertlab.model~broken", "felix.fileinstall.filename", file.toUri().toString()),
                "/nonexistent/model: not a model directory", false);
        assertEquals("model 'broken' (" + file + ") is unavailable: /nonexistent/model: not a model directory",
                failure.message());
        assertEquals("io.bertlab.model~broken", failure.configuration());
    }

    @Test
    void aConfigurationWithoutAFileIsNamedByItsPid() {
        UnavailableConfiguration failure = UnavailableConfiguration.of("tokenizer", "pt",
                Map.of("service.pid", "io.bertlab.tokenizer~pt"), "/x/tokenizer.json: no such file or folder", false);
        assertEquals("tokenizer 'pt' (configuration io.bertlab.tokenizer~pt) is unavailable: "
                + "/x/tokenizer.json: no such file or folder", failure.message());
    }

    @Test
    void aFailedChangeSaysThePreviousSettingsStillServe() {
        UnavailableConfiguration failure = UnavailableConfiguration.of("model", "tiny",
                Map.of("service.pid", "io.bertlab.model~tiny"), "/b: not a model directory", true);
        assertEquals("model 'tiny' (configuration io.bertlab.model~tiny): the change was not applied, the previous "
                + "settings still serve: /b: not a model directory", failure.message());
    }
}
