package io.bertlab.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.engine.java.JavaEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cosine head's inputs and outputs on real MiniLM and real STS-B pairs: before any training it must score every
 * pair exactly as the zero-shot evaluation does (each text embedded alone, the cosine of their mean embeddings), read
 * back on the 0-5 scale; its targets are the gold scores over 5.
 */
class CosineHeadTest {

    @TempDir
    Path dir;

    /**
     * Tolerance 1e-5: the same float32 encoder pass and mean on both sides; only the padding differs (the batch is
     * padded to its longest text, the zero-shot batch to its own), and padded positions are masked out, so the
     * cosines differ by float32 rounding of sums in another blocking (well under 1e-6), times the scale of 5.
     */
    @Test
    void untrainedCosineHeadScoresPairsAsTheZeroShotEvaluationDoes() throws IOException {
        List<Example> pairs = RealTraining.stsbExamples("dev", 24);
        HeadSpec head = TrainingSettings.DEFAULTS.withHead(HeadKind.COSINE).head(RealTraining.stsb());
        EncodedSplit split = EncodedSplit.encode(pairs, RealTraining.minilmTokenizer(), 128, head, (w, d, t) -> { });
        assertTrue(split.apart());
        try (Model model = new JavaEngine().load(RealTraining.minilm(dir.resolve("minilm"), 0.1))) {
            List<Prediction> zeroShot = new SentenceSimilarity(model, RealTraining.minilmTokenizer(), 128)
                    .score(pairs, 8, new ProgressBar(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                            "zero-shot", pairs.size()));
            List<Prediction> headScores;
            try (TrainingSession session = model.openSession(new TrainingSpec(List.of(head), null, 1))) {
                headScores = Predictor.predict(session, head, split, 5, (w, d, t) -> { });
            }
            for (int i = 0; i < pairs.size(); i++) {
                assertEquals(zeroShot.get(i).score() * HeadKind.COSINE_SCALE, headScores.get(i).score(), 1e-5,
                        "pair " + pairs.get(i).id());
            }
        }
    }

    @Test
    void batchesHoldTheFirstTextsThenTheSecondAndTargetsAreScoresOverFive() throws IOException {
        List<Example> pairs = RealTraining.stsbExamples("train", 3);
        HeadSpec head = new HeadSpec.CosineSimilarity(HeadKind.COSINE_HEAD);
        EncodedSplit split = EncodedSplit.encode(pairs, RealTraining.minilmTokenizer(), 128, head, (w, d, t) -> { });
        BatchAssembler assembler = new BatchAssembler(split);
        int[] indices = {2, 0};
        Batch batch = assembler.batch(indices);
        assertEquals(4, batch.size());
        assertEquals(split.ids()[2][1], batch.inputId(0, 1));
        assertEquals(split.secondIds()[2][1], batch.inputId(2, 1));
        assertEquals(split.secondIds()[0][1], batch.inputId(3, 1));
        assertEquals(split.tokens(2) + split.tokens(0), assembler.tokens(indices));
        float[] targets = ((HeadTarget.Values) assembler.targets(head, indices).byHead().get(head.name())).values();
        assertEquals(pairs.get(2).score() / 5, targets[0], 1e-6);
        assertEquals(pairs.get(0).score() / 5, targets[1], 1e-6);
    }

    @Test
    void theCosineHeadIsRefusedForClassificationTasks() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> HeadKind.COSINE.head(RealTraining.rte(), null));
        assertTrue(refused.getMessage().contains("RTE is a classification task"), refused.getMessage());
        assertTrue(HeadKind.COSINE.fits(RealTraining.stsb()));
    }
}
