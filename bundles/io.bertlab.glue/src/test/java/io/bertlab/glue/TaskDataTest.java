package io.bertlab.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TaskData} and {@link DataRoots}: where a task's files are looked for and how bad rows are reported. */
class TaskDataTest {

    private static final String RTE_HEADER = "index\tsentence1\tsentence2\tlabel\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' not in: " + message);
        }
    }

    /** An RTE folder with a train file of the given rows under a new root. */
    private Path rteRoot(String root, String trainRows) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(root).resolve("RTE"));
        Files.writeString(folder.resolve("train.tsv"), RTE_HEADER + trainRows);
        return dir.resolve(root);
    }

    @Test
    void aMissingTaskFolderNamesTheExpectedFilesAndEveryRoot() throws IOException {
        Path first = Files.createDirectories(dir.resolve("glue_data"));
        Path second = Files.createDirectories(dir.resolve("other data"));
        DataRoots roots = new DataRoots(List.of(first, second));
        GlueTask rte = InstalledGlue.task("RTE");
        assertEquals(Optional.empty(), roots.find(rte));
        IOException e = assertThrows(IOException.class, () -> roots.folder(rte));
        assertEquals("no data for RTE: expected a folder RTE/ holding train.tsv, dev.tsv, test.tsv in " + first
                + " or " + second, e.getMessage());

        IOException mnli = assertThrows(IOException.class, () -> roots.folder(InstalledGlue.task("MNLI")));
        assertMentions(mnli.getMessage(), "MNLI/", "train.tsv", "dev_matched.tsv", "dev_mismatched.tsv",
                "test_matched.tsv", "test_mismatched.tsv", first.toString(), second.toString());
        IOException ax = assertThrows(IOException.class, () -> roots.folder(InstalledGlue.task("AX")));
        assertMentions(ax.getMessage(), "AX/", "diagnostic.tsv");

        IOException none = assertThrows(IOException.class, () -> new DataRoots(List.of()).folder(rte));
        assertMentions(none.getMessage(), "no data for RTE", "a --data folder");
    }

    @Test
    void theFirstRootHoldingTheTaskFolderWins() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path fileNotFolder = Files.createDirectories(dir.resolve("file"));
        Files.writeString(fileNotFolder.resolve("RTE"), "a file named like the task");
        Path a = rteRoot("a", "");
        Path b = rteRoot("b", "");
        DataRoots roots = new DataRoots(List.of(empty, fileNotFolder, a, b));
        assertEquals(a.resolve("RTE"), roots.folder(InstalledGlue.task("RTE")));
        assertEquals(b.resolve("RTE"), new DataRoots(List.of(b, a)).folder(InstalledGlue.task("RTE")));
    }

    @Test
    void readsTheRealGlueFilesWithoutComplaint() throws IOException {
        TaskData data = new TaskData(new DataRoots(List.of(dir, SharedData.require("glue"))), true, err);
        Dataset dev = data.read(InstalledGlue.task("RTE"), "dev");
        assertEquals(277, dev.examples().size());
        assertEquals(SharedData.require("glue/RTE/dev.tsv"), dev.file());
        assertEquals("", err());
    }

    @Test
    void malformedRowsAreSkippedAndReportedOnStandardError() throws IOException {
        Path root = rteRoot("data", "0\tA man walks.\tA man moves.\tentailment\n"
                + "1\tonly two columns\n"
                + "2\tA dog barks.\tA cat sleeps.\tmaybe\n"
                + "3\tIt rains.\tIt is wet.\tnot_entailment\n");
        TaskData data = new TaskData(new DataRoots(List.of(root)), false, err);
        Dataset train = data.read(InstalledGlue.task("RTE"), "train");
        assertEquals(List.of("0", "3"), train.examples().stream().map(e -> e.id()).toList());
        String file = root.resolve("RTE/train.tsv").toString();
        List<String> lines = err().lines().toList();
        assertEquals(3, lines.size(), err());
        assertEquals("RTE train: 2 malformed rows skipped:", lines.get(0));
        assertTrue(lines.get(1).startsWith("  " + file + ":3: "), lines.get(1));
        assertTrue(lines.get(2).startsWith("  " + file + ":4: label: "), lines.get(2));
        assertMentions(lines.get(2), "maybe");
    }

    @Test
    void oneMalformedRowIsSingular() throws IOException {
        Path root = rteRoot("data", "0\tA.\tB.\tentailment\n1\tA.\tB.\tperhaps\n");
        new TaskData(new DataRoots(List.of(root)), false, err).read(InstalledGlue.task("RTE"), "train");
        assertTrue(err().startsWith("RTE train: 1 malformed row skipped:" + System.lineSeparator()), err());
    }

    @Test
    void manyMalformedRowsAreListedUpToFive() throws IOException {
        StringBuilder rows = new StringBuilder("0\tA.\tB.\tentailment\n");
        for (int i = 1; i <= 8; i++) {
            rows.append(i).append("\tA.\tB.\tlabel").append(i).append('\n');
        }
        Path root = rteRoot("data", rows.toString());
        Dataset train = new TaskData(new DataRoots(List.of(root)), false, err).read(InstalledGlue.task("RTE"),
                "train");
        assertEquals(1, train.examples().size());
        List<String> lines = err().lines().toList();
        assertEquals("RTE train: 8 malformed rows skipped:", lines.get(0));
        assertEquals(7, lines.size(), err());
        for (int i = 1; i <= 5; i++) {
            assertMentions(lines.get(i), ":" + (i + 2) + ": ", "label" + i);
        }
        assertEquals("  ... and 3 more", lines.get(6));
    }

    @Test
    void strictStopsAtTheFirstMalformedRow() throws IOException {
        Path root = rteRoot("data", "0\tA.\tB.\tentailment\n1\tA.\tB.\tmaybe\n2\tonly two\n");
        TaskData data = new TaskData(new DataRoots(List.of(root)), true, err);
        IOException e = assertThrows(IOException.class, () -> data.read(InstalledGlue.task("RTE"), "train"));
        assertTrue(e.getMessage().startsWith(root.resolve("RTE/train.tsv") + ":3: label: "), e.getMessage());
        assertMentions(e.getMessage(), "maybe", "--strict");
        assertFalse(e.getMessage().contains(":4:"), "only the first problem: " + e.getMessage());
        assertEquals("", err());
    }

    @Test
    void aSplitWithNoExamplesIsRefused() throws IOException {
        Path root = rteRoot("data", "1\tA.\tB.\tmaybe\n");
        Files.writeString(root.resolve("RTE/test.tsv"), "index\tsentence1\tsentence2\n");
        TaskData data = new TaskData(new DataRoots(List.of(root)), false, err);
        IOException train = assertThrows(IOException.class, () -> data.read(InstalledGlue.task("RTE"), "train"));
        assertEquals(root.resolve("RTE/train.tsv") + ": no examples to train or evaluate on", train.getMessage());
        IOException test = assertThrows(IOException.class, () -> data.read(InstalledGlue.task("RTE"), "test"));
        assertEquals(root.resolve("RTE/test.tsv") + ": no examples to predict", test.getMessage());
    }

    @Test
    void aMissingSplitFileIsNamed() throws IOException {
        Path root = rteRoot("data", "0\tA.\tB.\tentailment\n");
        TaskData data = new TaskData(new DataRoots(List.of(root)), false, err);
        IOException e = assertThrows(IOException.class, () -> data.read(InstalledGlue.task("RTE"), "dev"));
        assertMentions(e.getMessage(), root.resolve("RTE/dev.tsv").toString());
    }

    @Test
    void anUnknownSplitNamesTheTasksSplits() throws IOException {
        assertEquals("dev_matched.tsv", TaskData.split(InstalledGlue.task("MNLI"), "dev_matched").fileName());
        IOException e = assertThrows(IOException.class, () -> TaskData.split(InstalledGlue.task("MNLI"), "dev"));
        assertEquals("MNLI has no split 'dev'; it has train, dev_matched, dev_mismatched, test_matched,"
                + " test_mismatched", e.getMessage());
    }

    @Test
    void theMissingFolderMessageReachesTheCaller() {
        TaskData data = new TaskData(new DataRoots(List.of(dir)), false, err);
        IOException e = assertThrows(IOException.class, () -> data.read(InstalledGlue.task("CoLA"), "train"));
        assertMentions(e.getMessage(), "no data for CoLA", "CoLA/", "train.tsv, dev.tsv, test.tsv", dir.toString());
    }

    @Test
    void rootsAreCopied() {
        List<Path> roots = new java.util.ArrayList<>(List.of(dir));
        DataRoots dataRoots = new DataRoots(roots);
        roots.add(dir.resolve("later"));
        assertEquals(List.of(dir), dataRoots.roots());
    }
}
