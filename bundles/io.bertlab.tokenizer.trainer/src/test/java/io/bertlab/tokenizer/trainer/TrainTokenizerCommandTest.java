package io.bertlab.tokenizer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.command.CommandContext;
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
