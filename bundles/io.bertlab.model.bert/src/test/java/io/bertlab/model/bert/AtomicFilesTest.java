package io.bertlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aWrittenFileGetsTheSamePermissionsAsAnyNewFileAndNoPartialIsLeft() throws Exception {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path written = dir.resolve("config.json");
        AtomicFiles.write(written, channel -> channel.write(ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8))));
        AtomicFiles.write(written, channel -> channel.write(ByteBuffer.wrap("{ }".getBytes(StandardCharsets.UTF_8))));
        assertEquals("{ }", Files.readString(written));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);
        assertEquals(expected, Files.getPosixFilePermissions(written), "not private like a temporary file");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no .partial file left behind");
        }
    }
}
