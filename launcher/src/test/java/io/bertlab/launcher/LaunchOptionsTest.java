package io.bertlab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final Path HOME = Path.of("/opt/bertlab");

    @Test
    void featuresAreSplitOnCommasAndTheCommandLineFollows() throws Exception {
        LaunchOptions options = LaunchOptions.parse(new String[] {"--features", "core, shell", "tokenize", "--x"},
                HOME);
        assertEquals(Optional.of(List.of("core", "shell")), options.features());
        assertEquals(List.of("tokenize", "--x"), options.commandLine());
    }

    @Test
    void anEmptyFeatureListIsAWrongCommandLine() {
        for (String empty : new String[] {"", " , "}) {
            LaunchException e = assertThrows(LaunchException.class,
                    () -> LaunchOptions.parse(new String[] {"--features", empty, "features"}, HOME));
            assertEquals(LaunchException.USAGE, e.status());
            assertEquals("--features needs at least one feature name, e.g. --features core (see 'bertlab features')",
                    e.getMessage());
        }
    }
}
