package io.bertlab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.distribution.Distribution.Run;
import io.bertlab.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wrong input ends with status 1 and one line on standard error that names the file (or standard input), where in
 * it, and what is wrong; never a stack trace. A wrong command line ends with status 2.
 */
class CommandErrorsIT {

    /** A corpus whose third line holds a broken two-byte sequence at byte offset 24. */
    private static final byte[] INVALID_UTF8 = {'l', 'i', 'n', 'e', ' ', 'o', 'n', 'e', '\n', 'l', 'i', 'n', 'e', ' ',
        't', 'w', 'o', '\n', 't', 'h', 'i', 'r', 'd', ' ', (byte) 0xC3, '(', '\n'};

    @TempDir
    Path temp;

    /** An empty --input file is a wrong file, not a wrong command line: status 1, naming the file. */
    @Test
    void anEmptyInputFileIsNamedByEveryCommandThatReadsTexts() throws Exception {
        Path file = Files.createFile(temp.resolve("empty.txt"));
        String what = file + " holds no text (one text per line)";
        String tokenizer = SharedData.require("tokenizers/bert-base-uncased/tokenizer.json").toString();
        assertFailure("tokenize", what, "tokenize", "--tokenizer", tokenizer, "--input", file.toString());
        assertFailure("embed", what, "embed", "--model", "minilm", "--input", file.toString());
    }

    @Test
    void invalidUtf8IsReportedTheSameWayByEveryCommand() throws Exception {
        Path file = Files.write(temp.resolve("texts.txt"), INVALID_UTF8);
        String where = file + ": line 3, byte offset 24: invalid UTF-8 (0xC3)";
        String tokenizer = SharedData.require("tokenizers/bert-base-uncased/tokenizer.json").toString();
        assertFailure("tokenize", where, "tokenize", "--tokenizer", tokenizer, "--input", file.toString());
        assertFailure("compare-tokenizers", where, "compare-tokenizers", "--tokenizer", tokenizer, "--tokenizer",
                tokenizer, "--input", file.toString());
        assertFailure("embed", where, "embed", "--model", "minilm", "--input", file.toString());
        assertFailure("train-tokenizer", where, "train-tokenizer", "--model", "bpe", "--vocab-size", "50",
                "--output", temp.resolve("t.json").toString(), file.toString());

        Run stdin = Distribution.runWithInput(Distribution.home(), INVALID_UTF8, "tokenize", "--tokenizer", tokenizer,
                "--input", "-");
        assertOneLineFailure(stdin, "tokenize", "standard input: line 3, byte offset 24: invalid UTF-8 (0xC3)");
    }

    @Test
    void importModelNamesTheBrokenInputAndWritesNothing() throws Exception {
        Path tokenizer = Distribution.home().resolve("models/minilm/tokenizer.json");
        Path empty = Files.createFile(temp.resolve("empty.onnx"));
        Path output = temp.resolve("model");
        assertFailure("import-model", empty + ": not a valid ONNX model: the model holds no graph", "import-model",
                "--onnx", empty.toString(), "--tokenizer", tokenizer.toString(), "--output", output.toString());
        Path existingFile = Files.writeString(temp.resolve("taken"), "x");
        assertFailure("import-model", "--output " + existingFile + " is a file; import-model writes a model folder",
                "import-model", "--onnx", empty.toString(), "--tokenizer", tokenizer.toString(), "--output",
                existingFile.toString());
        Path binary = Files.write(temp.resolve("tokenizer.bin"), new byte[] {'{', (byte) 0x8F, 0});
        assertFailure("import-model", binary + ": line 1, byte offset 1: invalid UTF-8 (0x8F): not a text file",
                "import-model", "--onnx", empty.toString(), "--tokenizer", binary.toString(), "--output",
                output.toString());
        assertFalse(Files.exists(output), "nothing is written from broken inputs");
    }

    @Test
    void importedFilesGetThePermissionsOfAnyNewFile() throws Exception {
        // the distribution's own models/minilm was written by import-model at build time
        Path model = Distribution.home().resolve("models/minilm");
        Set<PosixFilePermission> newFile = Files.getPosixFilePermissions(Files.createFile(temp.resolve("new")));
        for (String file : new String[] {"config.json", "model.safetensors"}) {
            assertEquals(newFile, Files.getPosixFilePermissions(model.resolve(file)), file + " is not private");
        }
    }

    @Test
    void poolerPoolingOnAModelWithoutAPoolerSaysSo() throws Exception {
        assertFailure("embed", "--pooling pooler: model minilm has no pooler", "embed", "--model", "minilm",
                "--pooling", "pooler", "hello");
    }

    @Test
    void trainTokenizerChecksItsOutputBeforeTrainingAndNamesAnEmptyCorpus() throws Exception {
        Path corpus = Files.writeString(temp.resolve("corpus.txt"), "the cat sat\n");
        assertFailure("train-tokenizer", "--output " + temp + " is a folder", "train-tokenizer", "--model", "bpe",
                "--vocab-size", "50", "--output", temp.toString(), corpus.toString());
        Path inAbsentFolder = temp.resolve("absent/t.json");
        assertFailure("train-tokenizer", "--output " + inAbsentFolder + ": the folder " + temp.resolve("absent")
                + " does not exist", "train-tokenizer", "--model", "bpe", "--vocab-size", "50", "--output",
                inAbsentFolder.toString(), corpus.toString());
        Path empty = Files.createFile(temp.resolve("empty.txt"));
        Run run = Distribution.run(Distribution.home(), "train-tokenizer", "--model", "bpe", "--vocab-size", "50",
                "--output", temp.resolve("t.json").toString(), empty.toString());
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("bertlab train-tokenizer: cannot learn a vocabulary from " + empty
                + ": the corpus is empty"), run.toString());
        assertFalse(run.err().contains("\tat "), run.toString());
    }

    @Test
    void aValuedOptionWithoutItsValueIsAUsageErrorPointingToHelpOnce() throws Exception {
        Path corpus = Files.writeString(temp.resolve("corpus.txt"), "the cat sat\n");
        Run run = Distribution.run(Distribution.home(), "train-tokenizer", "--model", "bpe", "--vocab-size", "50",
                "--show-merges", "--output", temp.resolve("t.json").toString(), corpus.toString());
        assertEquals(2, run.status(), run.toString());
        assertEquals("bertlab train-tokenizer: option --show-merges needs a value\n"
                + "Run 'bertlab train-tokenizer --help' for its options.\n", run.err());
    }

    @Test
    void anEmptyFeatureListIsAUsageError() throws Exception {
        Run run = Distribution.run(Distribution.home(), "--features", "", "features");
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().startsWith("bertlab: --features needs at least one feature name"), run.toString());
    }

    @Test
    void standardErrorCarriesNoJvmNotice() throws Exception {
        Run run = Distribution.run(Distribution.home(), "--features", "core", "features");
        assertEquals(0, run.status(), run.toString());
        assertEquals("", run.err(), "the incubator-module notice is gone: " + run);
    }

    @Test
    void embedSaysWhichTextsItCutToTheModelsLength() throws Exception {
        String longText = "word ".repeat(600);
        Path input = Files.writeString(temp.resolve("texts.txt"), "short\n" + longText + "\n", StandardCharsets.UTF_8);
        Run run = Distribution.run(Distribution.home(), "embed", "--model", "minilm", "--input", input.toString());
        assertEquals(0, run.status(), run.toString());
        assertEquals("embed: 1 of 2 texts were longer than the model's 512 tokens; each embedding covers only the"
                + " first 512 (index 1)\n", run.err());
    }

    /** Status 1 and exactly one line on standard error: the command's name, then the message. */
    private static void assertFailure(String command, String message, String... args) throws Exception {
        assertOneLineFailure(Distribution.run(Distribution.home(), args), command, message);
    }

    private static void assertOneLineFailure(Run run, String command, String message) {
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().startsWith("bertlab " + command + ": " + message), run.toString());
        assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run);
    }
}
