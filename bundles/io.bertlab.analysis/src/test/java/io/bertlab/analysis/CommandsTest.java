package io.bertlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.models.DirectoryResolver;
import io.bertlab.testing.models.JavaMiniLm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The two commands run as the dispatcher runs them, on all-MiniLM-L6-v2 and on the toy. */
class CommandsTest {

    @TempDir
    static Path shared;

    private static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void saveMiniLm() throws IOException {
        model = JavaMiniLm.directory(Files.createDirectories(shared.resolve("minilm")));
    }

    private static AttentionStatsCommand stats() {
        AttentionStatsCommand command = new AttentionStatsCommand();
        command.resolver = new DirectoryResolver();
        return command;
    }

    @Test
    void attentionStatsPrintsEveryHeadOfEveryLayer() throws Exception {
        Path input = Files.writeString(dir.resolve("texts.txt"), "The cat sat on the mat.\n\nDogs bark, cats meow.\n"
                + "Is it a question?\tYes, it is.\n");
        CapturingContext table = new CapturingContext(dir, "--model", model.toString(), "--input", "texts.txt");
        assertEquals(0, stats().run(table));
        List<String> lines = table.outText().lines().toList();
        assertTrue(lines.get(0).startsWith("Attention statistics over 3 inputs (row = attending token"), lines.get(0));
        // heading, column names, 6 layers of 12 heads, the class counts
        assertEquals(2 + 72 + 1, lines.size(), table.outText());
        assertTrue(lines.get(2).matches("\\s+0\\s+0( +\\d\\.\\d{4}){8} .*"), lines.get(2));

        CapturingContext json = new CapturingContext(dir, "--model", model.toString(), "--input", input.toString(),
                "--format", "json", "--output", "stats.json");
        assertEquals(0, stats().run(json));
        String written = Files.readString(dir.resolve("stats.json"));
        assertTrue(written.startsWith("{\"inputs\":3,"), written);
        assertTrue(written.contains("{\"layer\":5,\"head\":11,\"previous\":"), written);
        assertTrue(json.errText().contains("wrote"), json.errText());
    }

    @Test
    void attentionStatsTruncatesLongTextsAndSaysSo() throws Exception {
        Files.writeString(dir.resolve("long.txt"), "word ".repeat(600) + "\nshort one\n");
        CapturingContext context = new CapturingContext(dir, "--model", model.toString(), "--input", "long.txt");
        assertEquals(0, stats().run(context));
        assertTrue(context.errText().contains("1 of 2 texts were longer than the model's 512 positions and were"
                + " truncated"), context.errText());
    }

    @Test
    void attentionStatsRejectsBadInputBeforeLoadingTheModel() throws Exception {
        CapturingContext missingFolder = new CapturingContext(dir, "--model", model.toString(), "--input", "x.txt",
                "--output", "no/such/folder/out.json");
        CommandException e = assertThrows(CommandException.class, () -> stats().run(missingFolder));
        assertTrue(e.getMessage().contains("the folder " + dir.resolve("no/such/folder") + " does not exist"),
                e.getMessage());

        CommandException missingInput = assertThrows(CommandException.class, () -> stats().run(
                new CapturingContext(dir, "--model", model.toString(), "--input", "absent.txt")));
        assertTrue(missingInput.getMessage().contains("absent.txt: no such file"), missingInput.getMessage());

        Files.writeString(dir.resolve("empty.txt"), "\n \n");
        assertThrows(CommandException.class, () -> stats().run(
                new CapturingContext(dir, "--model", model.toString(), "--input", "empty.txt")));

        Files.writeString(dir.resolve("one.txt"), "Hello.\n");
        CommandException noModel = assertThrows(CommandException.class, () -> stats().run(
                new CapturingContext(dir, "--model", "no-such-model", "--input", "one.txt")));
        assertTrue(noModel.getMessage().startsWith("attention-stats: no model named 'no-such-model'"),
                noModel.getMessage());

        assertThrows(UsageException.class, () -> stats().run(new CapturingContext(dir, "--input", "one.txt")));
        assertThrows(UsageException.class, () -> stats().run(
                new CapturingContext(dir, "--model", "m", "--input", "one.txt", "--format", "xml")));
        assertTrue(stats().help().startsWith("Usage: bertlab attention-stats --model NAME|DIR --input FILE"));
    }

    @Test
    void selfAttentionPrintsEveryStepAndWritesHtml() throws Exception {
        CapturingContext context = new CapturingContext(dir, "--seed", "7", "--html", "trace.html");
        assertEquals(0, new SelfAttentionCommand().run(context));
        String text = context.outText();
        for (String step : List.of("X, the input  [3 x 8]", "W_Q  [8 x 8]", "Q = X W_Q  [3 x 8]",
                "head 0: Q_0 K_0^T  [3 x 3]", "head 1: scaled scores  [3 x 3]  divided by sqrt(4) = 2.0000",
                "head 1: softmax  [3 x 3]", "head 0: weighted sum softmax V_0  [3 x 4]",
                "concatenation of the heads  [3 x 8]", "output = concatenation W_O  [3 x 8]")) {
            assertTrue(text.contains(step), step + " in\n" + text);
        }
        String html = Files.readString(dir.resolve("trace.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<h2>head 1: softmax"), html);
        assertTrue(!html.contains("<script") && !html.contains("http"), "self-contained");

        CapturingContext same = new CapturingContext(dir, "--seed", "7");
        new SelfAttentionCommand().run(same);
        assertEquals(text, same.outText(), "the same seed prints the same numbers");
    }

    @Test
    void selfAttentionRejectsBadOptions() {
        SelfAttentionCommand command = new SelfAttentionCommand();
        assertThrows(UsageException.class, () -> command.run(new CapturingContext(dir, "--size", "8", "--heads",
                "3")));
        assertThrows(UsageException.class, () -> command.run(new CapturingContext(dir, "--tokens", "0")));
        assertThrows(UsageException.class, () -> command.run(new CapturingContext(dir, "--seed", "x")));
        CommandException e = assertThrows(CommandException.class, () -> command.run(new CapturingContext(dir,
                "--html", "missing/trace.html")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertTrue(command.help().contains("--html FILE"));
    }
}
