package io.bertlab.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.distribution.Distribution.Run;
import io.bertlab.testing.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/bertlab shell} with lines piped in all at once, as a script or a fast typist sends them: every line runs
 * against the started features, text stays UTF-8, output goes on after a command that closes its streams, and
 * {@code exit} leaves.
 */
class ShellIT {

    @TempDir
    Path temp;

    @Test
    void firstLineFindsTheCommandsAndNonAsciiTextArrivesIntact() throws Exception {
        Path tokenizer = SharedData.require("tokenizers/bert-base-uncased/tokenizer.json");
        Path sentence = Files.writeString(temp.resolve("sentence.txt"), "Quero um cart\u00e3o adicional\n",
                StandardCharsets.UTF_8);
        Run direct = Distribution.run(Distribution.home(), "tokenize", "--tokenizer", tokenizer.toString(),
                "--input", sentence.toString());
        assertEquals(0, direct.status(), direct.toString());

        Run shell = shell("bertlab:tokenize --tokenizer " + tokenizer + " \"Quero um cart\u00e3o adicional\"",
                "exit", "echo not-reached");
        assertEquals(0, shell.status(), shell.toString());
        assertEquals("", shell.err(), shell.toString());
        assertTrue(shell.out().contains(line(direct.out(), "tokens")), "the shell tokenizes as the command line does: "
                + line(direct.out(), "tokens") + "\n" + shell);
        assertTrue(line(direct.out(), "tokens").contains("cart  ##ao"), direct.toString());
        assertFalse(shell.out().contains("not-reached"), shell.toString());
    }

    @Test
    void theShellGoesOnAfterEmbedAndOffersHelp() throws Exception {
        Path model = Files.createDirectories(temp.resolve("model"));
        Files.copy(SharedData.reference("bert-tiny/config.json"), model.resolve("config.json"));
        Files.copy(SharedData.reference("bert-tiny/model.safetensors"), model.resolve("model.safetensors"));
        Path corpus = Files.writeString(temp.resolve("corpus.txt"), "the cat sat on the mat\nthe dog sat on the log\n");
        Run shell = shell(
                "bertlab:train-tokenizer --model wordpiece --vocab-size 60 --output " + model.resolve("tokenizer.json")
                        + " " + corpus,
                "bertlab:embed --model " + model + " \"the cat\"",
                "echo after-embed",
                "bertlab:help");
        assertEquals(0, shell.status(), shell.toString());
        int embedding = shell.out().indexOf("{\"index\":0,\"text\":\"the cat\",\"tokens\":");
        assertTrue(embedding >= 0, shell.toString());
        assertTrue(shell.out().indexOf("after-embed", embedding) > embedding, shell.toString());
        assertTrue(shell.out().matches("(?s).*\\n  embed +Embed sentences.*"), shell.toString());
        assertFalse(shell.err().contains("Exception"), shell.toString());
    }

    private Run shell(String... lines) throws Exception {
        byte[] input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        return Distribution.runWithInput(Distribution.home(), input, "shell");
    }

    /** The line of a {@code tokenize} table that starts with a row name. */
    private static String line(String table, String row) {
        return Arrays.stream(table.split("\n")).filter(l -> l.startsWith(row + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + row + "' row in\n" + table));
    }
}
