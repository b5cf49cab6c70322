package io.bertlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameworkPropertyReferencesTest {

    private static final Map<String, String> PROPERTIES = Map.of("bertlab.home", "/opt/bert$lab", "x", "1");

    @Test
    void replacesEveryReferenceAndKeepsTheRest() {
        assertEquals("/opt/bert$lab/models/minilm", FrameworkPropertyReferences.resolve("${bertlab.home}/models/minilm",
                PROPERTIES::get));
        assertEquals("a1b1", FrameworkPropertyReferences.resolve("a${x}b${x}", PROPERTIES::get));
        assertEquals("no references", FrameworkPropertyReferences.resolve("no references", PROPERTIES::get));
    }

    @Test
    void anUnsetPropertyIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FrameworkPropertyReferences.resolve("${missing}/x", PROPERTIES::get));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }
}
