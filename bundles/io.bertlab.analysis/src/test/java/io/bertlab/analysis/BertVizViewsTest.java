package io.bertlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.analysis.AttentionMap;
import io.bertlab.api.analysis.Attribution;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.Tensor;
import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.models.DirectoryResolver;
import io.bertlab.testing.models.JavaMiniLm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML views carry the attention they were given, escape every token, and need nothing from the network. */
class BertVizViewsTest {

    @TempDir
    Path dir;

    /** 2 layers, 1 head, tokens that would break HTML or JSON if not escaped. */
    private static AttentionMap map() {
        float[] w = {
            0.5f, 0.25f, 0.25f,
            0.1f, 0.8f, 0.1f,
            0, 0, 1,
            1, 0, 0,
            0.3333f, 0.3333f, 0.3334f,
            0.123456f, 0.876544f, 0,
        };
        return new AttentionMap(new String[] {"[CLS]", "</script><b>\"x\\", "[SEP]"}, 2, Tensor.of(w, 2, 1, 3, 3));
    }

    @Test
    void thePageEmbedsEveryWeightToFourDecimals() {
        AttentionMap map = map();
        String page = new BertVizViews().headView(map);
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"attention-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(page);
        assertTrue(data.find(), page);
        String json = data.group(1);
        assertTrue(json.contains("\"tokens\":[\"[CLS]\",\"\\u003c/script>\\u003cb>\\\"x\\\\\",\"[SEP]\"]"), json);
        assertTrue(json.contains("\"sentence_b_start\":2"), json);
        List<Double> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("-?\\d+\\.\\d{4}").matcher(json.substring(json.indexOf("\"attention\"")));
        while (m.find()) {
            numbers.add(Double.parseDouble(m.group()));
        }
        float[] w = map.weights().toArray();
        assertEquals(w.length, numbers.size());
        for (int i = 0; i < w.length; i++) {
            // printed with 4 decimals: off by at most half a unit of the 4th
            assertEquals(w[i], numbers.get(i), 0.5e-4 + 1e-7, "weight " + i);
        }
        assertFalse(page.contains("src=") || page.contains("href=") || page.contains("@import"), "self-contained");
        assertTrue(new BertVizViews().modelView(map).contains("att[0].length"));
    }

    @Test
    void theScriptsAreValidJavaScript() throws Exception {
        for (String page : List.of(new BertVizViews().headView(map()), new BertVizViews().modelView(map()))) {
            Matcher script = Pattern.compile("<script>\n(.*?)</script>", Pattern.DOTALL).matcher(page);
            assertTrue(script.find());
            Path file = Files.writeString(dir.resolve("view.js"), script.group(1));
            Path node = Path.of("/usr/bin/node");
            if (!Files.isExecutable(node)) {
                return; // no JavaScript engine here: the embedded-data test still runs
            }
            Process check = new ProcessBuilder(node.toString(), "--check", file.toString()).redirectErrorStream(true)
                    .start();
            String out = new String(check.getInputStream().readAllBytes());
            assertEquals(0, check.waitFor(), out);
        }
    }

    @Test
    void wordImportanceColoursBySignAndSize() {
        Attribution attribution = new Attribution(new String[] {"[CLS]", "good", "<bad>", "[SEP]"},
                new float[] {0, 0.8f, -0.4f, 0.1f}, new OutputSelector("classifier", 1), 2.0, 1.5, 0.0, 50);
        String page = new BertVizViews().wordImportance(attribution);
        assertTrue(page.contains("data-score=\"0.8\" style=\"background:rgba(0,150,60,0.850)\">good</span>"), page);
        assertTrue(page.contains("data-score=\"-0.4\" style=\"background:rgba(200,30,30,0.425)\">&lt;bad&gt;</span>"),
                page);
        assertTrue(page.contains("the scores sum to 0.5000"), page);
    }

    @Test
    void theCommandWritesAModelViewOfMiniLm() throws Exception {
        Path model = JavaMiniLm.directory(Files.createDirectories(dir.resolve("minilm")));
        AttentionViewCommand command = new AttentionViewCommand();
        command.resolver = new DirectoryResolver();
        CapturingContext context = new CapturingContext(dir, "--model", model.toString(), "--output", "view.html",
                "--view", "model", "The cat sat.", "It was happy.");
        assertEquals(0, command.run(context));
        String page = Files.readString(dir.resolve("view.html"));
        assertTrue(page.contains("\"tokens\":[\"[CLS]\",\"the\",\"cat\",\"sat\",\".\",\"[SEP]\",\"it\""), page);
        assertTrue(page.contains("\"sentence_b_start\":6"), page);
        assertTrue(context.errText().contains("(11 tokens, 6 layers of 12 heads)"), context.errText());

        assertThrows(CommandException.class, () -> command.run(new CapturingContext(dir, "--model",
                model.toString(), "--output", "missing/view.html", "hi")));
        assertThrows(UsageException.class, () -> command.run(new CapturingContext(dir, "--model",
                model.toString(), "--output", "v.html")));
        assertThrows(UsageException.class, () -> command.run(new CapturingContext(dir, "--model",
                model.toString(), "--output", "v.html", "--view", "graph", "hi")));
    }
}
