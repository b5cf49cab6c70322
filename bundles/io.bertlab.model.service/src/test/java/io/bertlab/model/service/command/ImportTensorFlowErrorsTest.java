package io.bertlab.model.service.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import io.bertlab.testing.CapturingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import-model --tensorflow} on broken inputs: each ends in a message naming the file (and the tensor, when
 * one is at fault), and nothing is written.
 */
class ImportTensorFlowErrorsTest {

    @TempDir
    Path temp;

    @Test
    void exactlyOneSourceIsRequired() {
        Path output = temp.resolve("model");
        assertThrows(UsageException.class, () -> run("--output", output.toString()));
        assertThrows(UsageException.class, () -> run("--onnx", "a.onnx", "--tensorflow", "b", "--output",
                output.toString()));
        assertThrows(UsageException.class, () -> run("--tensorflow", temp.toString(), "--lowercase", "maybe",
                "--output", output.toString()));
    }

    @Test
    void missingSourceIsNamed() {
        Path missing = temp.resolve("bert_model.ckpt");
        CommandException e = assertThrows(CommandException.class, () -> run("--tensorflow", missing.toString(),
                "--output", temp.resolve("model").toString()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void truncatedIndexIsNamedAndNothingIsWritten() throws Exception {
        Path savedModel = GoogleBertBase.UNCASED.savedModel();
        Path folder = Files.createDirectories(temp.resolve("uncased_L-12_H-768_A-12"));
        byte[] index = Files.readAllBytes(savedModel.resolve("variables/variables.index"));
        Path truncated = Files.write(folder.resolve("bert_model.ckpt.index"), Arrays.copyOf(index, index.length / 2));
        Files.copy(savedModel.resolve("assets/vocab.txt"), folder.resolve("vocab.txt"));
        Path output = temp.resolve("model");
        CommandException e = assertThrows(CommandException.class, () -> run("--tensorflow", folder.toString(),
                "--output", output.toString()));
        assertTrue(e.getMessage().contains(truncated.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertFalse(Files.exists(output), "nothing is written from broken inputs");
    }

    @Test
    void missingShardNamesTheShardAndTheTensor() throws Exception {
        Path savedModel = GoogleBertBase.UNCASED.savedModel();
        Path folder = Files.createDirectories(temp.resolve("uncased_L-12_H-768_A-12"));
        Files.copy(savedModel.resolve("variables/variables.index"), folder.resolve("bert_model.ckpt.index"));
        Files.copy(savedModel.resolve("assets/vocab.txt"), folder.resolve("vocab.txt"));
        Path output = temp.resolve("model");
        CommandException e = assertThrows(CommandException.class, () -> run("--tensorflow", folder.toString(),
                "--output", output.toString()));
        assertTrue(e.getMessage().contains(folder.resolve("bert_model.ckpt.data-00000-of-00001").toString()),
                e.getMessage());
        assertTrue(e.getMessage().contains("tensor 'module/bert/"), e.getMessage());
        assertFalse(Files.exists(output), "nothing is written from broken inputs");
    }

    private int run(String... arguments) throws Exception {
        return new ImportModelCommand().run(new CapturingContext(temp, arguments));
    }
}
