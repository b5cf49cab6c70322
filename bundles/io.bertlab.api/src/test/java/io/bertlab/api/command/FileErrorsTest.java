package io.bertlab.api.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileErrorsTest {

    @TempDir
    Path temp;

    @Test
    void namesTheFileAndTheReasonOfRealFailures() throws Exception {
        Path missing = temp.resolve("absent.txt");
        assertEquals(missing + ": no such file or folder",
                FileErrors.describe(assertThrows(IOException.class, () -> Files.readString(missing))));
        Path existing = Files.writeString(temp.resolve("there.txt"), "x");
        assertEquals(existing + ": already exists",
                FileErrors.describe(assertThrows(IOException.class, () -> Files.createDirectory(existing))));
    }

    @Test
    void namesTheFileOnceWhenTheExceptionDoesNot() throws Exception {
        IOException isADirectory = assertThrows(IOException.class, () -> Files.readAllBytes(temp));
        assertEquals(temp + ": " + isADirectory.getMessage().toLowerCase(), FileErrors.describe(temp, isADirectory)
                .toLowerCase());
        Path missing = temp.resolve("absent.txt");
        assertEquals(missing + ": no such file or folder", FileErrors.describe(missing,
                assertThrows(IOException.class, () -> Files.readString(missing))));
    }
}
