package io.bertlab.glue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlueSubmitCommandTest {

    private static final List<String> ELEVEN = SubmissionFilesTest.ELEVEN;

    @TempDir
    Path dir;

    private GlueSubmitCommand command() {
        GlueSubmitCommand command = new GlueSubmitCommand();
        command.services = InstalledGlue.services();
        return command;
    }

    /** A predictions folder holding a small, distinct file for each name given. */
    private Path predictions(List<String> files) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("submission"));
        for (String file : files) {
            Files.writeString(folder.resolve(file), "index\tprediction\n0\tfrom " + file + "\n");
        }
        return folder;
    }

    /** The zip's entries, in order, with their bytes. */
    private static Map<String, byte[]> unzip(Path zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entriesIn = new ZipInputStream(in)) {
            for (ZipEntry entry = entriesIn.getNextEntry(); entry != null; entry = entriesIn.getNextEntry()) {
                assertFalse(entries.containsKey(entry.getName()), "twice: " + entry.getName());
                entries.put(entry.getName(), entriesIn.readAllBytes());
            }
        }
        return entries;
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void packsTheElevenFilesInOrder() throws Exception {
        List<String> reversed = new ArrayList<>(ELEVEN);
        java.util.Collections.reverse(reversed); // written in another order than the zip's
        Path folder = predictions(reversed);
        CapturingContext context = new CapturingContext(dir, "--predictions", "submission", "--output",
                "glue.zip");
        assertEquals(0, command().run(context));
        Path zip = dir.resolve("glue.zip");
        assertEquals(zip + System.lineSeparator(), context.outText());
        Map<String, byte[]> entries = unzip(zip);
        assertEquals(ELEVEN, List.copyOf(entries.keySet()));
        for (String file : ELEVEN) {
            assertArrayEquals(Files.readAllBytes(folder.resolve(file)), entries.get(file), file);
        }
        assertEquals(List.of("glue.zip", "submission"), listing());
    }

    @Test
    void otherFilesInThePredictionsFolderAreLeftOut() throws Exception {
        Path folder = predictions(ELEVEN);
        Files.writeString(folder.resolve("notes.txt"), "not for the leaderboard");
        Files.writeString(folder.resolve("ASSIN2-RTE.tsv"), "index\tprediction\n");
        assertEquals(0, command().run(new CapturingContext(dir, "--predictions", folder.toString(), "--output",
                dir.resolve("out.zip").toString())));
        assertEquals(ELEVEN, List.copyOf(unzip(dir.resolve("out.zip")).keySet()));
    }

    @Test
    void anExistingZipIsReplaced() throws Exception {
        predictions(ELEVEN);
        Files.writeString(dir.resolve("glue.zip"), "an old, broken zip");
        assertEquals(0, command().run(new CapturingContext(dir, "--predictions", "submission", "--output",
                "glue.zip")));
        assertEquals(ELEVEN, List.copyOf(unzip(dir.resolve("glue.zip")).keySet()));
        assertEquals(List.of("glue.zip", "submission"), listing());
    }

    @Test
    void missingFilesAreRefusedWithTheirNames() throws Exception {
        List<String> present = new ArrayList<>(ELEVEN);
        present.removeAll(List.of("QQP.tsv", "MNLI-mm.tsv", "AX.tsv"));
        Path folder = predictions(present);
        CapturingContext context = new CapturingContext(dir, "--predictions", "submission", "--output",
                "glue.zip");
        CommandException e = assertThrows(CommandException.class, () -> command().run(context));
        assertFalse(e instanceof UsageException, "the command line was right");
        assertEquals(CommandException.FAILURE, e.exitStatus());
        assertEquals("glue-submit: missing in " + folder + ": QQP.tsv, MNLI-mm.tsv, AX.tsv (run glue-predict for"
                + " those tasks, or add --fill-majority to predict their majority class)", e.getMessage());
        assertEquals(List.of("submission"), listing());
        assertEquals("", context.outText());
    }

    @Test
    void anEmptyPredictionsFolderNamesAllEleven() throws Exception {
        predictions(List.of());
        CommandException e = assertThrows(CommandException.class, () -> command().run(new CapturingContext(dir,
                "--predictions", "submission", "--output", "glue.zip")));
        assertTrue(e.getMessage().contains(String.join(", ", ELEVEN)), e.getMessage());
    }

    @Test
    void aFolderNamedLikeAFileIsMissing() throws Exception {
        List<String> present = new ArrayList<>(ELEVEN);
        present.remove("WNLI.tsv");
        Path folder = predictions(present);
        Files.createDirectories(folder.resolve("WNLI.tsv"));
        CommandException e = assertThrows(CommandException.class, () -> command().run(new CapturingContext(dir,
                "--predictions", "submission", "--output", "glue.zip")));
        assertTrue(e.getMessage().contains(": WNLI.tsv ("), e.getMessage());
    }

    /**
     * The files glue-predict did not write are filled from the real GLUE data in {@code ../shared/data/glue}: each
     * predicts its task's majority training label (STS-B: the mean score) for every official test example. The shared
     * data has no QQP, MNLI or AX files and no QNLI training file, so those five come from the predictions folder.
     */
    @Test
    void fillMajorityPredictsTheMajorityClassFromTheRealGlueFiles() throws Exception {
        Path glue = SharedData.require("glue");
        List<String> given = List.of("QQP.tsv", "MNLI-m.tsv", "MNLI-mm.tsv", "QNLI.tsv", "AX.tsv");
        Path folder = predictions(given);
        CapturingContext context = new CapturingContext(dir, "--predictions", "submission", "--output",
                "glue.zip", "--fill-majority", "--data", dir.resolve("no such folder").toString(), "--data",
                glue.toString());
        assertEquals(0, command().run(context));

        Map<String, byte[]> entries = unzip(dir.resolve("glue.zip"));
        assertEquals(ELEVEN, List.copyOf(entries.keySet()));
        for (String file : given) {
            assertArrayEquals(Files.readAllBytes(folder.resolve(file)), entries.get(file), file);
        }
        // counted by hand from the train files: CoLA 6023 of 8551 acceptable (1), SST-2 37569 of 67349 positive
        // (1), MRPC 2474 of 3668 equivalent (1), RTE 1249 of 2490 entailment, WNLI 323 of 635 label 0; STS-B's
        // 5749 training scores average 2.70099...
        Map<String, String> majority = new LinkedHashMap<>();
        majority.put("CoLA", "1");
        majority.put("SST-2", "1");
        majority.put("MRPC", "1");
        majority.put("STS-B", "2.701");
        majority.put("RTE", "entailment");
        majority.put("WNLI", "0");
        for (Map.Entry<String, String> task : majority.entrySet()) {
            String file = task.getKey() + ".tsv";
            List<String> lines = new String(entries.get(file), StandardCharsets.UTF_8).lines().toList();
            List<String> ids = testIds(glue.resolve(task.getKey()).resolve("test.tsv"));
            assertEquals("index\tprediction", lines.get(0), file);
            assertEquals(ids.size() + 1, lines.size(), file + ": one line per test example");
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(ids.get(i) + "\t" + task.getValue(), lines.get(i + 1), file + " line " + (i + 2));
            }
        }
        List<String> err = context.errText().lines().toList();
        assertEquals(majority.keySet().stream().map(t -> "glue-submit: " + t + ".tsv: majority class of its"
                + " training labels").toList(), err);
        assertEquals(dir.resolve("glue.zip") + System.lineSeparator(), context.outText());
        assertEquals(given.stream().sorted().toList(), listFiles(folder), "the predictions folder is left alone");
    }

    @Test
    void fillMajorityWithoutTrainingDataNamesTheMissingFile() throws Exception {
        Path glue = SharedData.require("glue");
        List<String> given = new ArrayList<>(ELEVEN);
        given.remove("QNLI.tsv"); // the shared data has QNLI's dev and test files only
        predictions(given);
        int temporaryFolders = temporaryFolders();
        CommandException e = assertThrows(CommandException.class, () -> command().run(new CapturingContext(dir,
                "--predictions", "submission", "--output", "glue.zip", "--fill-majority", "--data",
                glue.toString())));
        assertTrue(e.getMessage().startsWith("glue-submit: "), e.getMessage());
        assertTrue(e.getMessage().contains(glue.resolve("QNLI/train.tsv").toString()), e.getMessage());
        assertEquals(List.of("submission"), listing());
        assertEquals(temporaryFolders, temporaryFolders(), "the filled files' temporary folder is removed");
    }

    @Test
    void fillMajorityWithoutTheTaskFolderNamesWhereItLooked() throws Exception {
        List<String> given = new ArrayList<>(ELEVEN);
        given.remove("RTE.tsv");
        predictions(given);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CommandException e = assertThrows(CommandException.class, () -> command().run(new CapturingContext(dir,
                "--predictions", "submission", "--output", "glue.zip", "--fill-majority", "--data", "empty")));
        assertEquals("glue-submit: no data for RTE: expected a folder RTE/ holding train.tsv, dev.tsv, test.tsv in "
                + empty, e.getMessage());
    }

    @Test
    void commandLineErrorsAreUsageErrorsNamingTheOption() throws Exception {
        predictions(ELEVEN);
        UsageException output = assertThrows(UsageException.class, () -> command().run(new CapturingContext(dir,
                "--predictions", "submission")));
        assertTrue(output.getMessage().contains("--output"), output.getMessage());
        UsageException predictions = assertThrows(UsageException.class, () -> command().run(new CapturingContext(
                dir, "--output", "glue.zip")));
        assertTrue(predictions.getMessage().contains("--predictions"), predictions.getMessage());
        UsageException unknown = assertThrows(UsageException.class, () -> command().run(new CapturingContext(dir,
                "--predictions", "submission", "--output", "glue.zip", "--fill")));
        assertTrue(unknown.getMessage().contains("--fill"), unknown.getMessage());
        UsageException flag = assertThrows(UsageException.class, () -> command().run(new CapturingContext(dir,
                "--predictions", "submission", "--output", "glue.zip", "--fill-majority=yes")));
        assertTrue(flag.getMessage().contains("--fill-majority"), flag.getMessage());
        assertFalse(Files.exists(dir.resolve("glue.zip")));
    }

    @Test
    void aPredictionsPathThatIsNoFolderIsRefused() throws Exception {
        Files.writeString(dir.resolve("RTE.tsv"), "index\tprediction\n");
        CommandException e = assertThrows(CommandException.class, () -> command().run(new CapturingContext(dir,
                "--predictions", "RTE.tsv", "--output", "glue.zip")));
        assertEquals("glue-submit: --predictions " + dir.resolve("RTE.tsv") + " is not a folder", e.getMessage());
    }

    @Test
    void anOutputInAMissingFolderOrOnAFolderIsRefusedBeforeAnyWork() throws Exception {
        predictions(List.of("RTE.tsv"));
        CommandException missing = assertThrows(CommandException.class, () -> command().run(new CapturingContext(
                dir, "--predictions", "submission", "--output", "nowhere/glue.zip", "--fill-majority")));
        assertEquals("glue-submit: --output " + dir.resolve("nowhere/glue.zip") + ": the folder "
                + dir.resolve("nowhere") + " does not exist", missing.getMessage());
        CommandException folder = assertThrows(CommandException.class, () -> command().run(new CapturingContext(
                dir, "--predictions", "submission", "--output", "submission")));
        assertEquals("glue-submit: --output " + dir.resolve("submission") + " is a folder; name the zip file to"
                + " write", folder.getMessage());
    }

    @Test
    void helpNamesTheElevenFiles() {
        String help = command().help();
        assertTrue(help.contains(String.join(", ", ELEVEN)), help);
        assertTrue(help.contains("--fill-majority"), help);
    }

    /** The first column of a GLUE test file after its header: the ids the leaderboard expects, in order. */
    private static List<String> testIds(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isEmpty())
                .map(l -> l.substring(0, l.indexOf('\t')).replace("\uFEFF", "")).toList();
    }

    private static List<String> listFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static int temporaryFolders() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return (int) files.filter(p -> p.getFileName().toString().startsWith("bertlab-submission")).count();
        }
    }
}
