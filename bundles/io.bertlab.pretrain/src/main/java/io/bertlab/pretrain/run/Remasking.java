package io.bertlab.pretrain.run;

import io.bertlab.pretrain.GenerationSettings;
import io.bertlab.pretrain.Masking;
import io.bertlab.pretrain.PythonRandom;
import io.bertlab.pretrain.TrainingInstance;
import io.bertlab.pretrain.Vocabulary;

/**
 * HF's dynamic masking during the run ({@code pretrain --remask P}): every time an instance enters a batch its masking
 * is drawn anew ({@link Masking#dynamic}) from its original tokens (the file's masked tokens put back), as
 * {@code DataCollatorForLanguageModeling} does for each batch it collates. So every epoch predicts other positions of
 * the same text. The draws of a step follow from the run's seed, the step and the row alone, so a resumed run masks
 * exactly as the uninterrupted one. Held-out instances keep the file's masking, so evaluations stay comparable.
 */
final class Remasking {

    private final GenerationSettings settings;
    private final Vocabulary vocabulary;
    private final long seed;

    /**
     * A remasking.
     *
     * @param probability each token's chance of being predicted (HF's {@code mlm_probability})
     * @param vocabulary the model's vocabulary ({@code [CLS]}, {@code [SEP]}, {@code [MASK]}, its size)
     * @param seed the run's seed
     */
    Remasking(double probability, Vocabulary vocabulary, long seed) {
        this.settings = GenerationSettings.defaults().withMaskedLmProb(probability).withWholeWordMask(false);
        this.vocabulary = vocabulary;
        this.seed = seed;
    }

    /**
     * An instance masked afresh.
     *
     * @param instance the instance as read from the file
     * @param step the training step
     * @param row its row in the step's batch
     * @return the instance with a new masking and its other labels unchanged
     */
    TrainingInstance apply(TrainingInstance instance, long step, int row) {
        long stream = (seed * 0x9E3779B97F4A7C15L) ^ (step << 20) ^ row;
        Masking.Result masked = Masking.dynamic(instance.originalTokens(), settings, vocabulary,
                new PythonRandom(stream & Long.MAX_VALUE));
        return new TrainingInstance(masked.tokens(), instance.segmentIds(), masked.positions(), masked.labels(),
                instance.labels());
    }
}
