package io.bertlab.tokenizer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.progress.ProgressListener;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerTrainer;
import io.bertlab.api.tokenizer.TrainerSettings;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train-tokenizer} replays the course example from a file and prints HuggingFace's merges in order, through the
 * trainer service bound under the {@code --model} name.
 */
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
        int status = command().run(context(out, err,
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
        String progress = err.toString(StandardCharsets.UTF_8);
        long size = Files.size(dir.resolve("words.txt"));
        // counting words has no total of its own: the corpus read so far stands in for it
        assertTrue(progress.startsWith("counting words: ") && progress.contains(" lines, 0.0 of 0.0 MB read\n"),
                progress);
        assertTrue(progress.contains("counting words: 32/32\n") && progress.contains("merging pairs: "), progress);
        CorpusFiles corpus = new CorpusFiles(List.of(dir.resolve("words.txt"), dir.resolve("words.txt")));
        assertEquals(2 * size, corpus.totalBytes());
        var lines = corpus.iterator();
        lines.next();
        assertEquals("mau\n".length(), corpus.bytesRead());
        lines.forEachRemaining(line -> { });
        assertEquals(2 * size, corpus.bytesRead());
        HuggingFaceTrainerOutput written = HuggingFaceTrainerOutput.read(dir.resolve("course.json"));
        assertEquals(theirs.vocabulary(), written.vocabulary());
        assertEquals(List.of("au", "<unk>"), Arrays.asList(
                BpeFamilyTrainerParityTest.LOADER.load(dir.resolve("course.json")).encode("auê").tokens()));
    }

    @Test
    void unknownModelIsAUsageErrorNamingIt() throws Exception {
        Files.writeString(dir.resolve("words.txt"), "mau\n");
        UsageException e = assertThrows(UsageException.class, () -> command().run(context(
                new ByteArrayOutputStream(), new ByteArrayOutputStream(), "--model", "wordlevel", "--vocab-size", "10",
                "--output", "x.json", "words.txt")));
        assertTrue(e.getMessage().contains("'wordlevel'"), e.getMessage());
    }

    @Test
    void anUnavailableBuiltInTrainerIsNotAnUnknownModel() throws Exception {
        Files.writeString(dir.resolve("words.txt"), "mau\n");
        CommandException e = assertThrows(CommandException.class, () -> new TrainTokenizerCommand().run(context(
                new ByteArrayOutputStream(), new ByteArrayOutputStream(), "--model", "wordpiece", "--vocab-size", "10",
                "--output", "x.json", "words.txt")));
        assertEquals("the wordpiece trainer service is not available (it needs bertlab's tokenizer loader)",
                e.getMessage());
        assertEquals(CommandException.FAILURE, e.exitStatus());
    }

    @Test
    void missingCorpusFileIsAUsageErrorNamingIt() {
        UsageException e = assertThrows(UsageException.class, () -> command().run(context(
                new ByteArrayOutputStream(), new ByteArrayOutputStream(), "--model", "bpe", "--vocab-size", "10",
                "--output", "x.json", "missing.txt")));
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

    @Test
    void showMergesIsRefusedForUnigram() throws Exception {
        Files.writeString(dir.resolve("words.txt"), "mau\n");
        UsageException e = assertThrows(UsageException.class, () -> command().run(context(
                new ByteArrayOutputStream(), new ByteArrayOutputStream(), "--model", "unigram", "--vocab-size", "10",
                "--show-merges", "3", "--output", "x.json", "words.txt")));
        assertEquals("train-tokenizer: --show-merges applies to merge-based models, not unigram", e.getMessage());
    }

    @Test
    void trainsWithTheServiceBoundUnderTheModelNameAndItsSettings() throws Exception {
        Files.writeString(dir.resolve("words.txt"), "Mau Baú\n");
        List<TrainerSettings> asked = new ArrayList<>();
        List<ProgressListener> listeners = new ArrayList<>();
        TokenizerTrainer bpe = new BpeTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER);
        TokenizerTrainer recording = (corpus, settings, template, progress) -> {
            asked.add(settings);
            listeners.add(progress);
            return bpe.train(corpus, settings, template, progress);
        };
        TrainTokenizerCommand command = command();
        List<Map.Entry<Map<String, Object>, TokenizerTrainer>> trainers = new ArrayList<>(command.trainers);
        trainers.add(bound(TrainerNames.BPE, recording)); // DS lists the highest-ranked last
        command.trainers = trainers;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, command.run(context(new ByteArrayOutputStream(), err, "--model", "bpe", "--vocab-size", "30",
                "--special-tokens", "<unk>", "--lowercase", "--strip-accents", "--output", "x.json", "words.txt")));
        assertEquals(List.of(new TrainerSettings(30, 0, List.of("<unk>"), 0, List.of(), "", "",
                Map.of("unk_token", "<unk>"), true, true)), asked);
        listeners.get(0).progress("test", 1, 1);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("test: 1/1"), "the command's progress on stderr");
    }

    /** The command with the four trainers bound as DS binds them in the framework. */
    static TrainTokenizerCommand command() {
        TokenizerLoader loader = BpeFamilyTrainerParityTest.LOADER;
        TrainTokenizerCommand command = new TrainTokenizerCommand();
        command.trainers = List.of(bound(TrainerNames.BPE, new BpeTokenizerTrainer(loader)),
                bound(TrainerNames.BYTE_LEVEL_BPE, new ByteLevelBpeTokenizerTrainer(loader)),
                bound(TrainerNames.WORDPIECE, new WordPieceTokenizerTrainer(loader)),
                bound(TrainerNames.UNIGRAM, new UnigramTokenizerTrainer(loader)));
        return command;
    }

    private static Map.Entry<Map<String, Object>, TokenizerTrainer> bound(String name, TokenizerTrainer trainer) {
        return Map.entry(Map.of(TrainerNames.PROPERTY, name), trainer);
    }

    private int train(ByteArrayOutputStream err, String... arguments) throws Exception {
        List<String> all = new ArrayList<>(List.of("--model", "bpe", "--vocab-size", "10"));
        all.addAll(List.of(arguments));
        return command().run(context(new ByteArrayOutputStream(),
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
