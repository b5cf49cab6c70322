package io.bertlab.tokenizer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import io.bertlab.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train-tokenizer} replays the course example from a file and prints HuggingFace's merges in order. */
class TrainTokenizerCommandTest {

    @TempDir
    Path dir;

    @Test
    void courseExampleFromAFileShowsHuggingFacesMerges() throws Exception {
        List<String> words = new ArrayList<>();
        words.addAll(Collections.nCopies(10, "mau"));
        words.addAll(Collections.nCopies(5, "baú"));
        words.addAll(Collections.nCopies(7, "itaú"));
        words.addAll(Collections.nCopies(10, "uau"));
        Files.write(dir.resolve("words.txt"), words, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new TrainTokenizerCommand(BpeFamilyTrainerParityTest.LOADER).run(context(out, err,
                "--model", "bpe", "--vocab-size", "20", "--special-tokens", "<unk>", "--show-merges", "10",
                "--output", "course.json", "words.txt"));
        assertEquals(0, status);
        String printed = out.toString(StandardCharsets.UTF_8);
        System.out.print(printed);
        HuggingFaceTrainerOutput theirs = HuggingFaceTrainerOutput.read(
                SharedData.reference("trainers/course-example-bpe.json"));
        List<String> shown = new ArrayList<>();
        for (String line : printed.split("\n")) {
            if (line.matches("\\d+\\. .*")) {
                String[] parts = line.replaceFirst("^\\d+\\. ", "").replaceFirst(" \\(seen .*", "").split(" \\+ ");
                shown.add(parts[0] + " " + parts[1]);
            }
        }
        assertEquals(theirs.merges(), shown);
        // "a u" occurs once in each "mau" (10) and "uau" (10)
        assertTrue(printed.contains("1. a + u (seen 20 times)"), printed);
        assertTrue(err.size() > 0, "progress goes to stderr");
        HuggingFaceTrainerOutput written = HuggingFaceTrainerOutput.read(dir.resolve("course.json"));
        assertEquals(theirs.vocabulary(), written.vocabulary());
        assertEquals(List.of("au", "<unk>"), Arrays.asList(
                BpeFamilyTrainerParityTest.LOADER.load(dir.resolve("course.json")).encode("auê").tokens()));
    }

    @Test
    void unknownModelIsAUsageErrorNamingIt() throws Exception {
        Files.writeString(dir.resolve("words.txt"), "mau\n");
        UsageException e = assertThrows(UsageException.class, () -> new TrainTokenizerCommand(
                BpeFamilyTrainerParityTest.LOADER).run(context(new ByteArrayOutputStream(),
                        new ByteArrayOutputStream(), "--model", "wordlevel", "--vocab-size", "10", "--output",
                        "x.json", "words.txt")));
        assertTrue(e.getMessage().contains("'wordlevel'"), e.getMessage());
    }

    @Test
    void missingCorpusFileIsAUsageErrorNamingIt() {
        UsageException e = assertThrows(UsageException.class, () -> new TrainTokenizerCommand(
                BpeFamilyTrainerParityTest.LOADER).run(context(new ByteArrayOutputStream(),
                        new ByteArrayOutputStream(), "--model", "bpe", "--vocab-size", "10", "--output", "x.json",
                        "missing.txt")));
        assertTrue(e.getMessage().contains("missing.txt"), e.getMessage());
    }

    @Test
    void outputThatCannotBeWrittenFailsBeforeAnyTraining() throws Exception {
        Files.writeString(dir.resolve("words.txt"), "mau\n");
        Files.createDirectory(dir.resolve("out"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandException onFolder = assertThrows(CommandException.class, () -> train(err, "--output", "out",
                "words.txt"));
        assertEquals("--output " + dir.resolve("out") + " is a folder; give the tokenizer.json file to write",
                onFolder.getMessage());
        CommandException missingFolder = assertThrows(CommandException.class, () -> train(err, "--output",
                "absent/x.json", "words.txt"));
        assertEquals("--output " + dir.resolve("absent/x.json") + ": the folder " + dir.resolve("absent")
                + " does not exist", missingFolder.getMessage());
        assertEquals(CommandException.FAILURE, missingFolder.exitStatus());
        assertEquals("", err.toString(StandardCharsets.UTF_8), "no training progress: the checks come first");
    }

    @Test
    void invalidUtf8InTheCorpusNamesFileLineAndByteOffset() throws Exception {
        Path corpus = dir.resolve("words.txt");
        Files.write(corpus, new byte[] {'m', 'a', 'u', '\n', 'b', 'a', (byte) 0xFA, '\n'});
        CommandException e = assertThrows(CommandException.class, () -> train(new ByteArrayOutputStream(),
                "--output", "x.json", "words.txt"));
        assertEquals(corpus + ": line 2, byte offset 6: invalid UTF-8 (0xFA)", e.getMessage());
        assertEquals(CommandException.FAILURE, e.exitStatus());
    }

    @Test
    void emptyCorpusIsAFailureNamingTheFile() throws Exception {
        Path corpus = Files.writeString(dir.resolve("empty.txt"), "\n  \n");
        CommandException e = assertThrows(CommandException.class, () -> train(new ByteArrayOutputStream(),
                "--output", "x.json", "empty.txt"));
        assertEquals("cannot learn a vocabulary from " + corpus + ": the corpus is empty: it has no words to learn"
                + " a vocabulary from", e.getMessage());
    }

    private int train(ByteArrayOutputStream err, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("--model", "bpe", "--vocab-size", "10"));
        all.addAll(List.of(arguments));
        return new TrainTokenizerCommand(BpeFamilyTrainerParityTest.LOADER).run(context(new ByteArrayOutputStream(),
                err, all.toArray(new String[0])));
    }

    private CommandContext context(ByteArrayOutputStream out, ByteArrayOutputStream err, String... arguments) {
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandContext() {
            @Override
            public List<String> arguments() {
                return List.of(arguments);
            }

            @Override
            public PrintStream out() {
                return outStream;
            }

            @Override
            public PrintStream err() {
                return errStream;
            }

            @Override
            public InputStream in() {
                return InputStream.nullInputStream();
            }

            @Override
            public Path workingDirectory() {
                return dir;
            }
        };
    }
}
