package io.bertlab.pretrain.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.Evaluation;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.pretrain.mlm.MaskedLmTask;
import io.bertlab.pretrain.nsp.NextSentenceTask;
import io.bertlab.pretrain.TrainingInstance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held-out loss and accuracy the run reports equal a recomputation from the engine's raw logits: the MLM loss is
 * the mean negative log-likelihood over every predicted position of the set (not a mean of batch means), its
 * accuracy the share of predicted positions whose highest logit is the original token; NSP the same over instances.
 * Computed here in double precision from {@link Evaluation} logits, batch by batch as the run batches them.
 */
class HeldOutScoresTest {

    @TempDir
    Path dir;

    @Test
    void heldOutScoresAreTheMeanOverAllTargetsOfTheLogits() throws IOException {
        Path file = dir.resolve("held-out.jsonl");
        List<TrainingInstance> read = Fixtures.instances(file, 10, 8, 5);
        InstanceSet instances = InstanceSet.read(file, "--eval-instances");
        assertEquals(read.size(), instances.size());
        Path model = dir.resolve("model");
        ModelConfig config = RandomBert.config(30522, 2, 32, 4, 64, Fixtures.MAX_SEQ_LENGTH);
        List<Objective> objectives = List.of(Objective.of("mlm", new MaskedLmTask()), Objective.of("nsp",
                new NextSentenceTask()));
        List<HeadSpec> heads = objectives.stream().map(Objective::head).toList();
        RandomBert.write(model, config, heads, 3);
        int batchSize = 5; // several batches of different padded lengths, the last one short

        try (Model loaded = new JavaEngine().load(model);
                TrainingSession session = loaded.openSession(new TrainingSpec(heads, null, 1))) {
            Scores scores = new HeldOut(instances, objectives, batchSize).evaluate(session);

            double nll = 0;
            long predicted = 0;
            long correct = 0;
            double nspNll = 0;
            long nspCorrect = 0;
            for (int start = 0; start < instances.size(); start += batchSize) {
                int[] indices = java.util.stream.IntStream.range(start, Math.min(instances.size(), start + batchSize))
                        .toArray();
                InstanceBatch batch = InstanceBatch.of(instances, indices, objectives);
                Evaluation evaluation = session.evaluate(batch.batch(), null);
                Tensor mlm = evaluation.logits().get("cls.predictions");
                Tensor nsp = evaluation.logits().get("cls.seq_relationship");
                for (int row = 0; row < indices.length; row++) {
                    TrainingInstance instance = instances.get(indices[row]);
                    for (int i = 0; i < instance.maskedPositions().length; i++) {
                        float[] logits = mlm.vector(row, instance.maskedPositions()[i]);
                        int label = instance.maskedLabels()[i];
                        nll += negativeLogLikelihood(logits, label);
                        correct += Scores.argmax(logits) == label ? 1 : 0;
                        predicted++;
                    }
                    int label = instance.isRandomNext() ? 1 : 0;
                    float[] logits = nsp.vector(row);
                    nspNll += negativeLogLikelihood(logits, label);
                    nspCorrect += Scores.argmax(logits) == label ? 1 : 0;
                }
                // the labels the run builds are the instance's positions and ids, -100 elsewhere
                int[][] labels = ((HeadTarget.TokenLabels) batch.targets().byHead().get("cls.predictions")).labels();
                long labelled = java.util.Arrays.stream(labels).flatMapToInt(java.util.Arrays::stream)
                        .filter(l -> l != HeadTarget.TokenLabels.IGNORE).count();
                long expected = java.util.Arrays.stream(indices).map(i -> instances.get(i).maskedPositions().length)
                        .sum();
                assertEquals(expected, labelled);
            }
            assertTrue(predicted > 50, "predicted positions: " + predicted);
            assertEquals(predicted, scores.counts().get("mlm"));
            assertEquals(instances.size(), scores.counts().get("nsp"));
            assertEquals((double) correct / predicted, scores.accuracy().get("mlm"), 0.0);
            assertEquals((double) nspCorrect / instances.size(), scores.accuracy().get("nsp"), 0.0);
            assertEquals(nll / predicted, scores.loss().get("mlm"), 1e-5 * nll / predicted);
            assertEquals(nspNll / instances.size(), scores.loss().get("nsp"), 1e-5);
            assertEquals(nll / predicted + nspNll / instances.size(), scores.totalLoss(), 1e-4);
            // a random model over 30,522 tokens: the loss is about ln(30522)
            assertEquals(Math.log(30522), scores.loss().get("mlm"), 0.1);
        }
    }

    private static double negativeLogLikelihood(float[] logits, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        double sum = 0;
        for (float logit : logits) {
            sum += Math.exp(logit - max);
        }
        return max + Math.log(sum) - logits[label];
    }
}
