package io.bertlab.engine.java;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ForwardOptions;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.Tensor;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Properties of the forward pass that hold for any weights, checked on a small random BERT with a pooler. */
class JavaModelTest {

    private static final ModelConfig CONFIG =
            new ModelConfig(30, 16, 2, 4, 24, "gelu", 0.1, 0.1, 12, 2, 0.02, 1e-12);

    @TempDir
    Path dir;

    private static BertWeights weights(String hiddenAct) {
        SplittableRandom random = new SplittableRandom(5);
        BertWeights weights = new BertWeights();
        Map<String, int[]> shapes = new java.util.LinkedHashMap<>(BertParameterNames.encoderShapes(CONFIG));
        shapes.putAll(BertParameterNames.poolerShapes(CONFIG));
        shapes.forEach((name, shape) -> {
            float[] v = new float[(int) Weight.elementCount(shape)];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((name.endsWith("LayerNorm.weight") ? 1 : 0) + 0.3 * (2 * random.nextDouble() - 1));
            }
            weights.put(new Weight(name, shape, v));
        });
        return weights;
    }

    private Model model() throws IOException {
        return JavaEngine.load(new ModelDirectory.Checkpoint(CONFIG, weights("gelu")), 2, dir.resolve("config.json"));
    }

    @Test
    void paddingDoesNotChangeTheRealTokens() throws IOException {
        int[] sentence = {1, 7, 9, 4, 2};
        Batch alone = Batch.of(new int[][] {sentence});
        Batch padded = new Batch(new int[][] {{1, 7, 9, 4, 2, 0, 0, 0}, {1, 3, 3, 3, 3, 3, 3, 2}},
                new int[2][8], new int[][] {{1, 1, 1, 1, 1, 0, 0, 0}, {1, 1, 1, 1, 1, 1, 1, 1}});
        try (Model model = model()) {
            Tensor a = model.forward(alone).lastHiddenState();
            Tensor b = model.forward(padded).lastHiddenState();
            for (int t = 0; t < sentence.length; t++) {
                float[] x = a.vector(0, t);
                float[] y = b.vector(0, t);
                for (int j = 0; j < x.length; j++) {
                    assertEquals(x[j], y[j], 1e-5f, "token " + t + " dim " + j);
                }
            }
        }
    }

    @Test
    void allOutputsHaveHfShapesAndAttentionIgnoresPadding() throws IOException {
        Batch batch = new Batch(new int[][] {{1, 5, 6, 2}, {1, 8, 0, 0}}, new int[][] {{0, 0, 1, 1}, {0, 0, 0, 0}},
                new int[][] {{1, 1, 1, 1}, {1, 1, 0, 0}});
        try (Model model = model()) {
            ForwardResult result = model.forward(batch, ForwardOptions.ALL);
            assertEquals(CONFIG.numHiddenLayers() + 1, result.hiddenStates().size());
            assertEquals(result.lastHiddenState(), result.hiddenStates().get(CONFIG.numHiddenLayers()));
            assertNotNull(result.pooledOutput());
            assertEquals(List.of(2, 16), List.of(result.pooledOutput().dim(0), result.pooledOutput().dim(1)));
            assertEquals(CONFIG.numHiddenLayers(), result.attentions().size());
            Tensor attention = result.attentions().get(1);
            for (int h = 0; h < CONFIG.numAttentionHeads(); h++) {
                for (int i = 0; i < 4; i++) {
                    float[] row = attention.vector(1, h, i);
                    assertEquals(0f, row[2]);
                    assertEquals(0f, row[3]);
                    assertEquals(1.0, row[0] + row[1], 1e-6);
                }
            }
            Tensor plain = model.forward(batch).lastHiddenState();
            assertEquals(plain, result.lastHiddenState());
        }
    }

    @Test
    void tokenOutsideTheVocabularyIsNamedByPosition() throws IOException {
        try (Model model = model()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> model.forward(Batch.of(new int[][] {{1, 2}, {1, 30}})));
            assertTrue(e.getMessage().contains("input_ids[1][1] = 30"), e.getMessage());
        }
    }

    @Test
    void unknownActivationNamesTheConfigField() {
        ModelConfig swishy = new ModelConfig(30, 16, 2, 4, 24, "mish", 0.1, 0.1, 12, 2, 0.02, 1e-12);
        CheckpointException e = assertThrows(CheckpointException.class, () -> JavaEngine.load(
                new ModelDirectory.Checkpoint(swishy, weights("mish")), 1, dir.resolve("config.json")));
        assertEquals("hidden_act", e.tensor());
        assertTrue(e.getMessage().contains("mish"), e.getMessage());
    }

    @Test
    void engineLoadsAModelDirectory() throws IOException {
        ModelDirectory.save(dir.resolve("m"), new ModelDirectory.Checkpoint(CONFIG, weights("gelu")));
        try (Model model = new JavaEngine().load(dir.resolve("m"))) {
            assertEquals(CONFIG, model.config());
            assertEquals("java", model.engine().name());
        }
    }

    /** Closing waits for the passes in flight: none of them fails, later calls are refused. */
    @Test
    void closeLetsPassesInFlightFinish() throws Exception {
        Model model = model();
        Batch batch = Batch.of(new int[][] {{1, 5, 6, 7, 8, 9, 10, 2}});
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch running = new CountDownLatch(4);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                running.countDown();
                while (true) {
                    try {
                        model.forward(batch);
                    } catch (IllegalStateException closed) {
                        return;
                    } catch (Throwable e) {
                        failures.add(e);
                        return;
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        running.await();
        Thread.sleep(200);
        model.close();
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertTrue(failures.isEmpty(), "calls failed: " + failures);
        assertThrows(IllegalStateException.class, () -> model.forward(batch));
    }
}
