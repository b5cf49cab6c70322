package io.bertlab.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.EngineInfo;
import io.bertlab.api.model.EngineProperties;
import io.bertlab.api.model.Evaluation;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.model.OptimizerSpec;
import io.bertlab.api.model.StepResult;
import io.bertlab.api.model.Targets;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.model.bert.BertConfigJson;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The engine contract on each DJL backend: services, errors that name their cause, concurrency, training. */
class DjlEngineTest {

    private static final Path BERT_TINY = SharedData.reference("bert-tiny");

    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void describesItself(DjlBackend backend) {
        EngineInfo info = TestEngines.of(backend).info();
        assertEquals(backend.bertlabName(), info.name());
        assertEquals(List.of(EngineProperties.CPU), info.devices());
        assertTrue(info.version().contains("DJL 0.36.0"), info.version());
        // the natives' release leads, whatever the library answers about itself
        assertTrue(info.version().startsWith(backend.nativeRelease().orElseThrow() + " ("), info.version());
    }

    @Test
    void mxnetIsNamedByTheReleaseOfItsNatives() {
        assertEquals(Optional.of("1.9.1"), DjlBackend.MXNET.nativeRelease());
        assertEquals(Optional.of("2.7.1"), DjlBackend.PYTORCH.nativeRelease());
    }

    @Test
    void gpuEngineIsAbsentWithTheCpuNatives() {
        assertEquals("cpu", PyTorchEngineRegistration.embeddedFlavor());
    }

    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void rejectsBatchesThatDoNotFitTheModel(DjlBackend backend) throws IOException {
        try (Model model = TestEngines.of(backend).load(BERT_TINY)) {
            IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                    () -> model.forward(Batch.of(new int[][] {{2, 7}, {2, 512}})));
            assertTrue(id.getMessage().contains("input_ids[1][1] = 512"), id.getMessage());
            IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                    () -> model.forward(Batch.of(new int[1][65])));
            assertTrue(length.getMessage().contains("max_position_embeddings 64"), length.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void checkpointErrorsNameTheFileAndField(DjlBackend backend, @TempDir Path directory) throws IOException {
        ModelDirectory.Checkpoint tiny = ModelDirectory.load(BERT_TINY);
        ModelConfig config = tiny.config();
        ModelConfig unsupported = new ModelConfig(config.vocabSize(), config.hiddenSize(), config.numHiddenLayers(),
                config.numAttentionHeads(), config.intermediateSize(), "mish", config.hiddenDropoutProb(),
                config.attentionProbsDropoutProb(), config.maxPositionEmbeddings(), config.typeVocabSize(),
                config.initializerRange(), config.layerNormEps());
        ModelDirectory.save(directory, new ModelDirectory.Checkpoint(unsupported, tiny.weights()));
        CheckpointException activation = assertThrows(CheckpointException.class,
                () -> TestEngines.of(backend).load(directory));
        assertEquals("hidden_act", activation.tensor());
        assertEquals(directory.resolve(ModelProperties.CONFIG_FILE), activation.file());

        BertWeights missing = tiny.weights().copy();
        BertWeights without = new BertWeights();
        missing.all().stream().filter(w -> !w.name().equals("encoder.layer.1.output.dense.weight"))
                .forEach(without::put);
        ModelDirectory.save(directory, new ModelDirectory.Checkpoint(config, without));
        CheckpointException tensor = assertThrows(CheckpointException.class,
                () -> TestEngines.of(backend).load(directory));
        assertEquals("encoder.layer.1.output.dense.weight", tensor.tensor());

        assertThrows(IllegalArgumentException.class,
                () -> TestEngines.of(backend).load(BERT_TINY, new LoadOptions(0, EngineProperties.GPU)));
    }

    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void concurrentForwardPassesGiveTheSameNumbers(DjlBackend backend) throws Exception {
        Random random = new Random(5);
        List<Batch> batches = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int[][] ids = new int[3][10];
            for (int[] row : ids) {
                for (int t = 0; t < row.length; t++) {
                    row[t] = 5 + random.nextInt(500);
                }
            }
            batches.add(Batch.of(ids));
        }
        try (Model model = TestEngines.of(backend).load(BERT_TINY)) {
            List<Tensor> sequential = new ArrayList<>();
            for (Batch batch : batches) {
                sequential.add(model.forward(batch).lastHiddenState());
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                for (int round = 0; round < 4; round++) {
                    List<Future<Tensor>> parallel = new ArrayList<>();
                    for (Batch batch : batches) {
                        parallel.add(pool.submit(() -> model.forward(batch).lastHiddenState()));
                    }
                    for (int i = 0; i < batches.size(); i++) {
                        assertArrayEquals(sequential.get(i).toArray(), parallel.get(i).get().toArray(), 1e-6f);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** A classifier head learns 32 labelled examples (the label is a token of the input) to 100% accuracy. */
    @ParameterizedTest
    @EnumSource(DjlBackend.class)
    void classifierOverfitsThirtyTwoExamples(DjlBackend backend, @TempDir Path saved) throws IOException {
        Random random = new Random(11);
        int[][] ids = new int[32][8];
        int[] labels = new int[32];
        for (int b = 0; b < ids.length; b++) {
            labels[b] = b % 2;
            ids[b][0] = 2;
            for (int t = 1; t < ids[b].length; t++) {
                ids[b][t] = 10 + random.nextInt(400);
            }
            ids[b][1 + random.nextInt(7)] = labels[b] == 0 ? 450 : 451;
        }
        Batch batch = Batch.of(ids);
        Targets targets = Targets.of("classifier", new HeadTarget.ClassLabels(labels));
        OptimizerSpec adamW = new OptimizerSpec(3e-3, 0.9, 0.999, 1e-8, 0.01, OptimizerSpec.BERT_NO_DECAY, 5, 0, 1.0);
        TrainingSpec spec = new TrainingSpec(List.of(HeadSpec.Classification.of(2)), adamW, 3);
        try (Model model = TestEngines.of(backend).load(BERT_TINY);
                TrainingSession session = model.openSession(spec)) {
            double firstLoss = Double.NaN;
            StepResult last = null;
            for (int step = 0; step < 200 && !learned(session.evaluate(batch, targets), labels); step++) {
                last = session.step(batch, targets);
                firstLoss = step == 0 ? last.loss() : firstLoss;
                assertFalse(Double.isNaN(last.loss()), "loss at step " + step);
            }
            double accuracy = accuracy(session.evaluate(batch, null).logits().get("classifier"), labels);
            System.out.printf("%s overfit: accuracy %.2f after %d steps, loss %.3f -> %.3f%n", backend.bertlabName(),
                    accuracy, last == null ? 0 : last.step() + 1, firstLoss, last == null ? 0 : last.loss());
            assertEquals(1.0, accuracy, "training accuracy on 32 examples");
            assertTrue(learned(session.evaluate(batch, targets), labels), "loss " + last.loss());

            session.save(saved);
            assertTrue(Files.exists(saved.resolve(ModelProperties.WEIGHTS_FILE)));
            assertEquals(model.config(), BertConfigJson.read(saved.resolve(ModelProperties.CONFIG_FILE)));
            try (Model trained = TestEngines.of(backend).load(saved);
                    TrainingSession reopened = trained.openSession(new TrainingSpec(spec.heads(), null, 0))) {
                assertEquals(1.0, accuracy(reopened.evaluate(batch, null).logits().get("classifier"), labels),
                        "the saved classifier is found again by the next session");
            }
        }
    }

    /** Every example right, and with confidence: the loss well below chance (ln 2). */
    private static boolean learned(Evaluation evaluation, int[] labels) {
        return accuracy(evaluation.logits().get("classifier"), labels) == 1
                && evaluation.losses().get("classifier") < 0.1;
    }

    private static double accuracy(Tensor logits, int[] labels) {
        int correct = 0;
        for (int b = 0; b < labels.length; b++) {
            float[] row = logits.vector(b);
            correct += (row[1] > row[0] ? 1 : 0) == labels[b] ? 1 : 0;
        }
        return correct / (double) labels.length;
    }
}
