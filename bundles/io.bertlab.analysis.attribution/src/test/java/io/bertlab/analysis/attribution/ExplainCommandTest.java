package io.bertlab.analysis.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.analysis.BertVizViews;
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

/** {@code bertlab explain} as the dispatcher runs it, on all-MiniLM-L6-v2 fine-tuned for SST-2. */
class ExplainCommandTest {

    private static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void fineTune() throws IOException {
        model = Sst2MiniLm.directory();
    }

    private static ExplainCommand explain() {
        ExplainCommand command = new ExplainCommand();
        command.resolver = new DirectoryResolver();
        command.method = new IntegratedGradients();
        command.views = new BertVizViews();
        return command;
    }

    @Test
    void aTableOfEveryTokenWithTheDeltaAndAPage() throws Exception {
        CapturingContext context = new CapturingContext(dir, "--model", model.toString(), "--html", "why.html",
                "a gorgeous , witty , seductive movie .");
        assertEquals(0, explain().run(context));
        // kept for src-docs/analysis.md
        Files.writeString(Path.of("target", "explain-sst2.txt"), context.outText());
        List<String> lines = context.outText().lines().toList();
        assertTrue(lines.get(1).startsWith("SST-2: predicted positive (p = 0.9"), lines.get(1));
        assertTrue(lines.get(2).startsWith("P(positive): 0.96"), lines.get(2));
        // heading lines, one line per token ([CLS] + 8 words + [SEP]), the delta line
        assertEquals(3 + 1 + 10 + 1, lines.size(), context.outText());
        assertTrue(lines.get(4).matches("\\[CLS\\]\\s+0\\.0000\\s+0\\.000000"), lines.get(4));
        assertTrue(lines.get(lines.size() - 1).startsWith("sum of raw attributions 0.37"), lines.get(lines.size() - 1));
        assertFalse(context.errText().contains("warning"), context.errText());
        String page = Files.readString(dir.resolve("why.html"));
        assertTrue(page.contains(">gorgeous</span>"), page);
        assertTrue(context.errText().contains("wrote " + dir.resolve("why.html")), context.errText());
    }

    @Test
    void jsonWithAChosenLabelAndTheZeroBaseline() throws Exception {
        CapturingContext context = new CapturingContext(dir, "--model", model.toString(), "--format", "json",
                "--label", "negative", "--baseline", "zero", "--method", "riemann", "--steps", "40", "a dull movie");
        assertEquals(0, explain().run(context));
        JsonNode json = new ObjectMapper().readTree(context.outText());
        assertEquals("negative", json.get("target").get("label").asText());
        assertEquals("probability", json.get("target").get("output").asText());
        assertEquals("riemann", json.get("method").asText());
        assertEquals("zero", json.get("baseline").asText());
        assertEquals(5, json.get("tokens").size());
        double p0 = json.get("probabilities").get(0).asDouble();
        assertEquals(p0, json.get("outputAtInput").asDouble(), 1e-6, "P(negative) at the input");
        double raw = 0;
        for (JsonNode token : json.get("tokens")) {
            raw += token.get("raw").asDouble();
        }
        // the raw scores are float32 sums: their total matches within float rounding of 5 values near 0.1
        assertEquals(json.get("outputAtInput").asDouble() - json.get("outputAtBaseline").asDouble()
                + json.get("convergenceDelta").asDouble(), raw, 1e-6);
    }

    @Test
    void tooFewStepsAreReportedWithAWarning() throws Exception {
        CapturingContext context = new CapturingContext(dir, "--model", model.toString(), "--method", "riemann",
                "--steps", "2", "a gorgeous , witty , seductive movie .");
        assertEquals(0, explain().run(context));
        assertTrue(context.errText().contains("warning: the convergence delta is"), context.errText());
        assertTrue(context.errText().contains("use more --steps (e.g. 8)"), context.errText());
        assertTrue(context.outText().contains("NOT CONVERGED"), context.outText());
    }

    @Test
    void aModelWithoutAHeadAndAMissingFolderFailWithStatus1() throws Exception {
        Path plain = JavaMiniLm.directory(Files.createDirectories(dir.resolve("minilm")));
        CommandException noHead = assertThrows(CommandException.class, () -> explain().run(
                new CapturingContext(dir, "--model", plain.toString(), "some text")));
        assertEquals(1, noHead.exitStatus());
        assertTrue(noHead.getMessage().contains(plain + " holds no classification or regression head (no glue.json)"),
                noHead.getMessage());

        CommandException folder = assertThrows(CommandException.class, () -> explain().run(
                new CapturingContext(dir, "--model", "absent-model", "--html", "no/such/folder/x.html", "text")));
        assertEquals(1, folder.exitStatus());
        assertTrue(folder.getMessage().contains("the folder " + dir.resolve("no/such/folder") + " does not exist"),
                folder.getMessage());

        CommandException label = assertThrows(CommandException.class, () -> explain().run(
                new CapturingContext(dir, "--model", model.toString(), "--label", "neutral", "text")));
        assertTrue(label.getMessage().contains("--label neutral is not one of the head's labels [negative, positive]"),
                label.getMessage());
    }

    @Test
    void wrongOptionValuesAreUsageErrors() {
        assertThrows(UsageException.class, () -> explain().run(new CapturingContext(dir, "--model", "m",
                "--method", "simpson", "text")));
        assertThrows(UsageException.class, () -> explain().run(new CapturingContext(dir, "--model", "m",
                "--baseline", "mask", "text")));
        assertThrows(UsageException.class, () -> explain().run(new CapturingContext(dir, "--model", "m",
                "--method", "riemann", "--steps", "1", "text")));
        assertThrows(UsageException.class, () -> explain().run(new CapturingContext(dir, "--model", "m")));
        assertTrue(explain().help().startsWith("Usage: bertlab explain --model DIR"));
    }
}
