package io.bertlab.model.service.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void columnsAreAsWideAsTheirWidestCell() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TextTable().row("ENGINE", "VERSION", "THREADS")
                .row("java", "1.0.0 (vector-512 kernel)", 2)
                .row("mxnet", "1.9.1 (DJL 0.36.0)", 2)
                .row("broken", "unavailable: no natives")
                .print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(String.join("\n",
                "ENGINE  VERSION                    THREADS",
                "java    1.0.0 (vector-512 kernel)  2",
                "mxnet   1.9.1 (DJL 0.36.0)         2",
                "broken  unavailable: no natives", ""), bytes.toString(StandardCharsets.UTF_8));
    }
}
