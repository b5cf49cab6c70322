package io.bertlab.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.models.DirectoryResolver;
import io.bertlab.testing.models.JavaMiniLm;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The neuron view's page (the exact vectors embedded, tokens escaped, nothing fetched, a valid script; a page that
 * says so and shows nothing when the vectors disagree with the engine) and {@code attention-view --view neuron}.
 */
class NeuronViewTest {

    @TempDir
    static Path shared;

    private static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void saveMiniLm() throws IOException {
        model = JavaMiniLm.directory(Files.createDirectories(shared.resolve("minilm")));
    }

    /** 3 tokens (one that would break HTML or JSON), 2 heads of 2. */
    private static NeuronView view(double deviation) {
        float[] q = {0.5f, -1.25f, 3e-8f, 7, 1, 2, 3, 4, -0.1f, 0.2f, -0.3f, 0.4f};
        float[] k = {1, 0, 0, 1, -2, 0.5f, 0.25f, 0.125f, 9, -9, 1e6f, -1e-6f};
        float[] attention = new float[2 * 3 * 3];
        return new NeuronView(new String[] {"[CLS]", "</script><b>\"x\\", "[SEP]"}, 2, new int[] {1, 1, 1}, 4, 1, 2,
                2, q, k, attention, deviation);
    }

    private static String block(String page, String id) {
        Matcher m = Pattern.compile("<script type=\"[^\"]+\" id=\"" + id + "\">(.*?)</script>", Pattern.DOTALL)
                .matcher(page);
        assertTrue(m.find(), id + " in " + page);
        return m.group(1);
    }

    private static float[] decode(String base64) {
        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder().decode(base64)).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[bytes.remaining() / 4];
        bytes.asFloatBuffer().get(values);
        return values;
    }

    @Test
    void thePageEmbedsTheExactVectors() throws Exception {
        NeuronView view = view(2e-7);
        String page = new BertVizViews().neuronView(view);
        assertTrue(page.contains("<title>Neuron view: layer 4, head 1</title>"), page);
        assertTrue(page.contains("within 2.0e-07 (allowed 1e-05)"), page);
        String json = block(page, "neuron-data");
        assertTrue(json.contains("\"tokens\":[\"[CLS]\",\"\\u003c/script>\\u003cb>\\\"x\\\\\",\"[SEP]\"]"), json);
        assertTrue(json.contains("\"sentence_b_start\":2,\"attended\":[1,1,1],\"layer\":4,\"head\":1,\"heads\":2,"
                + "\"head_size\":2"), json);
        // float32 to the bit, not rounded text
        assertEquals(Arrays.toString(view.queries()), Arrays.toString(decode(block(page,
                "queries"))));
        assertEquals(Arrays.toString(view.keys()), Arrays.toString(decode(block(page, "keys"))));
        assertFalse(page.contains("src=") || page.contains("href=") || page.contains("@import")
                || page.contains("http"), "self-contained");

        Matcher script = Pattern.compile("<script>\n(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertTrue(script.find());
        Path node = Path.of("/usr/bin/node");
        if (Files.isExecutable(node)) {
            Path file = Files.writeString(dir.resolve("neuron.js"), script.group(1));
            Process check = new ProcessBuilder(node.toString(), "--check", file.toString()).redirectErrorStream(true)
                    .start();
            String out = new String(check.getInputStream().readAllBytes());
            assertEquals(0, check.waitFor(), out);
        }
    }

    @Test
    void vectorsThatDoNotExplainTheAttentionAreNotShown() {
        String page = new BertVizViews().neuronView(view(0.3));
        assertTrue(page.contains("These query and key vectors do not reproduce the engine's attention"), page);
        assertTrue(page.contains("by up to 3.0e-01 (more than 1e-05)"), page);
        assertFalse(page.contains("<script"), page);
    }

    private static AttentionViewCommand command() {
        AttentionViewCommand command = new AttentionViewCommand();
        command.resolver = new DirectoryResolver();
        return command;
    }

    @Test
    void theCommandWritesANeuronViewOfMiniLm() throws Exception {
        CapturingContext context = new CapturingContext(dir, "--model", model.toString(), "--output", "n.html",
                "--view", "neuron", "--layer", "2", "--head", "5", "The cat sat.", "It was happy.");
        assertEquals(0, command().run(context));
        String page = Files.readString(dir.resolve("n.html"));
        assertTrue(page.contains("<title>Neuron view: layer 2, head 5</title>"), page);
        assertTrue(block(page, "neuron-data").startsWith("{\"tokens\":[\"[CLS]\",\"the\",\"cat\",\"sat\",\".\","
                + "\"[SEP]\",\"it\",\"was\",\"happy\",\".\",\"[SEP]\"],\"sentence_b_start\":6,"), page);
        // 11 tokens x 384 floats of 4 bytes
        assertEquals(11 * 384, decode(block(page, "queries")).length);
        assertTrue(context.errText().matches("(?s)attention-view: wrote .*n\\.html \\(11 tokens, layer 2, 12 heads of"
                + " size 32; softmax\\(q\\.k/sqrt\\(d\\)\\) equals the engine's attention within \\d\\.\\de-\\d\\d\\)\\R"),
                context.errText());
        assertTrue(command().help().contains("--view head|model|neuron"), command().help());
    }

    @Test
    void aLayerOrHeadOutsideTheModelIsAUsageErrorNamingTheRange() {
        UsageException layer = assertThrows(UsageException.class, () -> command().run(new CapturingContext(dir,
                "--model", model.toString(), "--output", "n.html", "--view", "neuron", "--layer", "6", "hi")));
        assertEquals("attention-view: --layer 6 is out of range: the model has 6 layers, 0 to 5", layer.getMessage());
        assertEquals(2, layer.exitStatus());
        UsageException head = assertThrows(UsageException.class, () -> command().run(new CapturingContext(dir,
                "--model", model.toString(), "--output", "n.html", "--view", "neuron", "--head", "12", "hi")));
        assertEquals("attention-view: --head 12 is out of range: the model has 12 heads, 0 to 11", head.getMessage());
        UsageException negative = assertThrows(UsageException.class, () -> command().run(new CapturingContext(dir,
                "--model", model.toString(), "--output", "n.html", "--view", "neuron", "--layer", "-1", "hi")));
        assertTrue(negative.getMessage().contains("0 to 5"), negative.getMessage());
        UsageException notNumber = assertThrows(UsageException.class, () -> command().run(new CapturingContext(dir,
                "--model", model.toString(), "--output", "n.html", "--view", "neuron", "--head", "x", "hi")));
        assertEquals(2, notNumber.exitStatus());
        UsageException withoutNeuron = assertThrows(UsageException.class, () -> command().run(new CapturingContext(
                dir, "--model", model.toString(), "--output", "n.html", "--layer", "1", "hi")));
        assertEquals("attention-view: --layer and --head go with --view neuron", withoutNeuron.getMessage());
        assertFalse(Files.exists(dir.resolve("n.html")));
    }

    @Test
    void aCheckpointThatDisagreesWithTheEngineEndsWithStatusOne() throws Exception {
        // the engine runs MiniLM; the directory the resolver names holds MiniLM with layer 1's key weights scaled
        Path other = Files.createDirectories(dir.resolve("changed"));
        ModelDirectory.Checkpoint checkpoint = JavaMiniLm.checkpoint();
        BertWeights changed = new BertWeights();
        String key = BertParameterNames.layer(1).key().weight();
        for (Weight w : checkpoint.weights().all()) {
            if (w.name().equals(key)) {
                float[] values = w.values().clone();
                for (int i = 0; i < values.length; i++) {
                    values[i] *= 1.5f;
                }
                changed.put(new Weight(w.name(), w.shape(), values));
            } else {
                changed.put(w);
            }
        }
        ModelDirectory.save(other, new ModelDirectory.Checkpoint(checkpoint.config(), changed));
        AttentionViewCommand command = new AttentionViewCommand();
        command.resolver = new ModelResolver() {
            @Override
            public OpenedModel open(String name, Path directory, String engine, String device) throws IOException {
                OpenedModel real = new DirectoryResolver().open(name, directory, engine, device);
                return new OpenedModel() {
                    @Override
                    public Model model() {
                        return real.model();
                    }

                    @Override
                    public Path directory() {
                        return other;
                    }

                    @Override
                    public Tokenizer tokenizer() throws IOException {
                        return real.tokenizer();
                    }

                    @Override
                    public void close() {
                        real.close();
                    }
                };
            }
        };
        CommandException e = assertThrows(CommandException.class, () -> command.run(new CapturingContext(dir,
                "--model", model.toString(), "--output", "bad.html", "--view", "neuron", "--layer", "1", "hi")));
        assertEquals(1, e.exitStatus());
        assertTrue(e.getMessage().contains("do not reproduce the engine's attention in layer 1"), e.getMessage());
        String page = Files.readString(dir.resolve("bad.html"));
        assertTrue(page.contains("No vectors are shown."), page);
        assertFalse(page.contains("<script"), page);
    }
}
