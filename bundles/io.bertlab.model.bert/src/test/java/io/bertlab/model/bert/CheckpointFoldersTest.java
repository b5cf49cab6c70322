package io.bertlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointFoldersTest {

    @TempDir
    Path dir;

    private static CheckpointFolders.Writer writing(String content) {
        return folder -> {
            Files.writeString(folder.resolve("weights.bin"), content);
            Files.createDirectories(folder.resolve("sub"));
            Files.writeString(folder.resolve("sub/run.json"), "{\"content\":\"" + content + "\"}");
        };
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replaceWritesTheFolderAndLeavesNothingElse() throws IOException {
        Path target = dir.resolve("last");
        assertEquals(Optional.empty(), CheckpointFolders.existing(target));
        CheckpointFolders.replace(target, writing("one"));
        assertEquals("one", Files.readString(target.resolve("weights.bin")));
        assertEquals(List.of("last"), siblings());
        assertEquals(Optional.of(target), CheckpointFolders.existing(target));

        CheckpointFolders.replace(target, writing("two"));
        assertEquals("two", Files.readString(target.resolve("weights.bin")));
        assertEquals("{\"content\":\"two\"}", Files.readString(target.resolve("sub/run.json")));
        assertEquals(List.of("last"), siblings());
    }

    @Test
    void aReplacedCheckpointKeepsNoFileOfTheOldOne() throws IOException {
        Path target = dir.resolve("last");
        CheckpointFolders.replace(target, folder -> Files.writeString(folder.resolve("old-only.txt"), "old"));
        CheckpointFolders.replace(target, writing("new"));
        assertFalse(Files.exists(target.resolve("old-only.txt")));
    }

    @Test
    void aFailingWriterLeavesThePreviousCheckpointIntact() throws IOException {
        Path target = dir.resolve("last");
        CheckpointFolders.replace(target, writing("good"));
        IOException failure = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> CheckpointFolders.replace(target, folder -> {
            Files.writeString(folder.resolve("weights.bin"), "half");
            throw failure;
        }));
        assertSame(failure, thrown);
        assertEquals("good", Files.readString(target.resolve("weights.bin")));
        assertEquals("{\"content\":\"good\"}", Files.readString(target.resolve("sub/run.json")));
        Optional<Path> existing = CheckpointFolders.existing(target);
        assertEquals(Optional.of(target), existing);
        assertFalse(existing.get().getFileName().toString().endsWith(".partial"));
        assertFalse(Files.exists(dir.resolve("last.previous")));

        // the next replace starts from a clean .partial: nothing of the failed attempt survives
        CheckpointFolders.replace(target, folder -> Files.writeString(folder.resolve("other.bin"), "x"));
        assertFalse(Files.exists(target.resolve("weights.bin")));
        assertEquals(List.of("last"), siblings());
    }

    @Test
    void aFailingFirstWriteLeavesNoCheckpoint() {
        Path target = dir.resolve("last");
        assertThrows(RuntimeException.class, () -> CheckpointFolders.replace(target, folder -> {
            Files.writeString(folder.resolve("weights.bin"), "half");
            throw new IllegalStateException("engine failed");
        }));
        assertFalse(Files.exists(target));
        assertEquals(Optional.empty(), CheckpointFolders.existing(target), "a .partial folder is not a checkpoint");
    }

    @Test
    void existingFindsThePreviousFolderWhenTheCheckpointIsMissing() throws IOException {
        Path target = dir.resolve("last");
        // an interruption between moving the old checkpoint aside and moving the new one into place
        Path previous = Files.createDirectories(dir.resolve("last.previous"));
        Files.writeString(previous.resolve("weights.bin"), "old");
        Files.createDirectories(dir.resolve("last.partial"));
        assertEquals(Optional.of(previous), CheckpointFolders.existing(target));

        // once the checkpoint is there again it wins
        Files.createDirectories(target);
        assertEquals(Optional.of(target), CheckpointFolders.existing(target));
    }

    @Test
    void aFileIsNotACheckpoint() throws IOException {
        Path target = dir.resolve("last");
        Files.writeString(target, "not a folder");
        Files.writeString(dir.resolve("last.previous"), "not a folder either");
        assertEquals(Optional.empty(), CheckpointFolders.existing(target));
    }

    @Test
    void replaceAfterAnInterruptionEndsWithOneCompleteCheckpoint() throws IOException {
        Path target = dir.resolve("last");
        Path previous = Files.createDirectories(dir.resolve("last.previous"));
        Files.writeString(previous.resolve("weights.bin"), "old");
        Path partial = Files.createDirectories(dir.resolve("last.partial"));
        Files.writeString(partial.resolve("stale.bin"), "stale");
        CheckpointFolders.replace(target, writing("new"));
        assertEquals("new", Files.readString(target.resolve("weights.bin")));
        assertFalse(Files.exists(target.resolve("stale.bin")));
        assertEquals(List.of("last"), siblings());
    }

    @Test
    void deleteTreeRemovesNestedFoldersAndIgnoresMissingOnes() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("a/b/c"));
        Files.writeString(tree.resolve("f"), "x");
        Files.writeString(dir.resolve("a/g"), "y");
        CheckpointFolders.deleteTree(dir.resolve("a"));
        assertFalse(Files.exists(dir.resolve("a")));
        CheckpointFolders.deleteTree(dir.resolve("missing"));
        assertTrue(Files.isDirectory(dir));
    }
}
