package io.bertlab.pretrain.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input stops the command with a message naming what is wrong (the file and line, the model and both sizes),
 * exit status 1 (2 for malformed options), and nothing written.
 */
class PretrainErrorsTest {

    @TempDir
    static Path dir;

    private static Path instances;
    private static List<String> lines;

    @BeforeAll
    static void prepare() throws IOException {
        instances = dir.resolve("train.jsonl");
        Fixtures.instances(instances, 0, 2, 1);
        lines = Files.readAllLines(instances, StandardCharsets.UTF_8);
    }

    private static CommandException fails(Path output, String... arguments) {
        CommandException failure = assertThrows(CommandException.class,
                () -> Fixtures.command().run(Fixtures.call(dir, arguments)));
        assertFalse(failure instanceof UsageException, failure.getMessage());
        assertEquals(1, failure.exitStatus());
        assertTrue(failure.getMessage().startsWith("pretrain: "), failure.getMessage());
        if (output != null) {
            assertFalse(Files.exists(output), "nothing written: " + output);
        }
        return failure;
    }

    private static String[] scratch(Path instanceFile, Path output, String... more) {
        List<String> first = new java.util.ArrayList<>(Fixtures.scratch());
        first.addAll(List.of("--instances", instanceFile.toString(), "--output", output.toString(), "--steps", "1"));
        return Fixtures.arguments(first, more);
    }

    @Test
    void aMissingInstanceFileIsNamed() {
        Path output = dir.resolve("missing");
        Path file = dir.resolve("nowhere.jsonl");
        String message = fails(output, scratch(file, output)).getMessage();
        assertTrue(message.contains("--instances") && message.contains(file.toString()), message);
    }

    @Test
    void aCorruptLineIsNamedByFileAndLine() throws IOException {
        Path file = dir.resolve("corrupt.jsonl");
        Files.write(file, List.of(lines.get(0), lines.get(1), "{\"input_ids\":[101,2,102],\"segment_ids\":[0,0"));
        Path output = dir.resolve("corrupt");
        String message = fails(output, scratch(file, output)).getMessage();
        assertTrue(message.contains(file + ":3: not a pre-training instance"), message);
    }

    @Test
    void invalidUtf8IsNamedByFileLineAndByteOffset() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        byte[] first = (lines.get(0) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(first, first.length + 2);
        bytes[first.length] = (byte) 0xFF;
        bytes[first.length + 1] = '\n';
        Files.write(file, bytes);
        Path output = dir.resolve("latin1");
        String message = fails(output, scratch(file, output)).getMessage();
        assertTrue(message.contains(file + ": line 2, byte offset " + first.length + ": invalid UTF-8 (0xFF)"),
                message);
    }

    @Test
    void aMaskedPositionOutsideTheInstanceIsNamed() throws IOException {
        Path file = dir.resolve("outside.jsonl");
        Files.write(file, List.of(lines.get(0), "{\"input_ids\":[101,2000,102],\"segment_ids\":[0,0,0],"
                + "\"is_random_next\":false,\"masked_lm_positions\":[3],\"masked_lm_ids\":[2001]}"));
        Path output = dir.resolve("outside");
        String message = fails(output, scratch(file, output)).getMessage();
        assertTrue(message.contains(file + ":2: masked position 3 is outside the instance's 3 tokens"), message);
    }

    @Test
    void anEmptyInstanceFileIsRefused() throws IOException {
        Path file = dir.resolve("empty.jsonl");
        Files.writeString(file, "\n");
        Path output = dir.resolve("empty");
        String message = fails(output, scratch(file, output)).getMessage();
        assertTrue(message.contains(file + " holds no instances"), message);
    }

    @Test
    void idsBeyondTheModelsVocabularyAreRefused() throws IOException {
        Path file = dir.resolve("other-vocabulary.jsonl");
        Files.write(file, List.of(lines.get(0), "{\"input_ids\":[101,40000,102],\"segment_ids\":[0,0,0],"
                + "\"is_random_next\":false,\"masked_lm_positions\":[1],\"masked_lm_ids\":[2001]}"));
        Path output = dir.resolve("vocabulary");
        String message = fails(output, scratch(file, output)).getMessage();
        assertTrue(message.contains("holds token id 40000") && message.contains("vocabulary of 30522"), message);

        Path encoder = Fixtures.encoderOnly(dir.resolve("encoder"));
        Path continued = dir.resolve("vocabulary-model");
        message = fails(continued, "--model", encoder.toString(), "--instances", file.toString(), "--output",
                continued.toString(), "--steps", "1").getMessage();
        assertTrue(message.contains("holds token id 40000 but " + encoder + " has a vocabulary of 30522"), message);
    }

    @Test
    void resumeNeedsARunAndARunNeedsResume() throws Exception {
        Path nothing = dir.resolve("no-run");
        Files.createDirectories(nothing);
        String message = fails(null, "--output", nothing.toString(), "--resume").getMessage();
        assertTrue(message.contains("nothing to resume") && message.contains(nothing.toString()), message);

        Path output = dir.resolve("done");
        assertEquals(0, Fixtures.command().run(Fixtures.call(dir, scratch(instances, output, "--batch-size", "16"))));
        message = fails(null, scratch(instances, output)).getMessage();
        assertTrue(message.contains(output + " already holds a run: add --resume"), message);

        // the instances changed since: the remaining batches would not be the run's
        Path copy = dir.resolve("copy.jsonl");
        Files.copy(instances, copy);
        Path changing = dir.resolve("changing");
        assertEquals(0, Fixtures.command().run(Fixtures.call(dir, scratch(copy, changing, "--batch-size", "16",
                "--save-steps", "1"))));
        RunState finished = RunState.read(changing.resolve(PretrainingRun.LAST));
        // make it look unfinished, then change the file
        new RunState(new PretrainSettings(finished.settings().tasks(), finished.settings().instances(), null,
                finished.settings().model(), "java", "cpu", 16, 1e-4, 0.01, 0.01, 5, 0, 1, 1, 1, 42, 0),
                finished.instancesFingerprint(), null, finished.stepsPerEpoch(), 5, 1, RunState.Window.EMPTY, 0, 0)
                .write(changing.resolve(PretrainingRun.LAST));
        Files.write(copy, lines.subList(0, 3));
        message = fails(null, "--output", changing.toString(), "--resume").getMessage();
        assertTrue(message.contains(copy + " changed since the run started"), message);
    }

    @Test
    void malformedOptionsAreUsageErrors() {
        Path output = dir.resolve("usage");
        UsageException neither = assertThrows(UsageException.class, () -> Fixtures.command().run(Fixtures.call(dir,
                "--instances", instances.toString(), "--output", output.toString())));
        assertTrue(neither.getMessage().contains("--model NAME|DIR, or from scratch"), neither.getMessage());
        UsageException both = assertThrows(UsageException.class, () -> Fixtures.command().run(Fixtures.call(dir,
                scratch(instances, output, "--epochs", "2"))));
        assertTrue(both.getMessage().contains("--steps N or --epochs N"), both.getMessage());
        UsageException resume = assertThrows(UsageException.class, () -> Fixtures.command().run(Fixtures.call(dir,
                "--output", output.toString(), "--resume", "--lr", "1e-3")));
        assertTrue(resume.getMessage().contains("leave out --lr"), resume.getMessage());
        UsageException heads = assertThrows(UsageException.class, () -> Fixtures.command().run(Fixtures.call(dir,
                "--tokenizer", Fixtures.TOKENIZER.toString(), "--layers", "2", "--hidden", "30", "--heads", "4",
                "--instances", instances.toString(), "--output", output.toString(), "--steps", "1")));
        assertTrue(heads.getMessage().contains("hidden_size 30 must be a multiple of num_attention_heads 4"),
                heads.getMessage());
        assertFalse(Files.exists(output));
        CommandException task = fails(output, scratch(instances, output, "--tasks", "mlm,rtd"));
        assertTrue(task.getMessage().contains("no pre-training task 'rtd' is installed (installed: mlm, nsp, sop)"),
                task.getMessage());
        CommandException unlabelled = fails(output, scratch(instances, output, "--tasks", "mlm,sop"));
        assertTrue(unlabelled.getMessage().endsWith("train.jsonl: 11 of 11 instances have no label for task 'sop':"
                + " make them with pretraining-data --tasks naming it"), unlabelled.getMessage());
    }
}
