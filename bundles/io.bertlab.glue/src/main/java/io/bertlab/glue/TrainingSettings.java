package io.bertlab.glue;

import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.OptimizerSpec;

/**
 * The hyper-parameters of one fine-tuning run, with HF {@code run_glue}'s defaults (and BERT's 10 % warm-up).
 *
 * @param epochs passes over the training set
 * @param learningRate AdamW's peak rate
 * @param batchSize examples per step
 * @param maxLength tokens per example, special tokens included (longest-first truncation)
 * @param seed fixes the head's initialisation, the dropout masks and the batch order
 * @param warmupRatio the fraction of steps of linear warm-up, then linear decay to 0
 * @param weightDecay AdamW's decoupled decay (biases and LayerNorm exempt)
 * @param saveSteps also checkpoint every this many steps (0: at epoch ends only)
 * @param pooling how the head pools the sequence; {@code null} until {@link #withPooling} resolves {@code auto}
 *        (and in run states written before the option existed, whose heads read the pooler)
 * @param head the head on the encoder ({@code null} in run states written before the option existed: dense)
 */
record TrainingSettings(int epochs, double learningRate, int batchSize, int maxLength, long seed, double warmupRatio,
        double weightDecay, int saveSteps, HeadSpec.Pooling pooling, HeadKind head) {

    static final TrainingSettings DEFAULTS = new TrainingSettings(3, 2e-5, 32, 128, 42, 0.1, 0.01, 0, null,
            HeadKind.DENSE);

    /** HF's AdamW epsilon and gradient clipping. */
    private static final double EPSILON = 1e-8;
    private static final double MAX_GRAD_NORM = 1.0;

    TrainingSettings {
        require(epochs >= 1, "--epochs must be at least 1");
        require(learningRate > 0 && Double.isFinite(learningRate), "--lr must be a positive number");
        require(batchSize >= 1, "--batch-size must be at least 1");
        require(maxLength >= 3, "--max-length must be at least 3 ([CLS], a token, [SEP])");
        require(warmupRatio >= 0 && warmupRatio <= 1, "--warmup must be between 0 and 1");
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "--weight-decay must be a number, not negative");
        require(saveSteps >= 0, "--save-steps must not be negative");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** These settings with another number of epochs. */
    TrainingSettings withEpochs(int newEpochs) {
        return new TrainingSettings(newEpochs, learningRate, batchSize, maxLength, seed, warmupRatio, weightDecay,
                saveSteps, pooling, head);
    }

    /** These settings with the head's pooling chosen. */
    TrainingSettings withPooling(HeadSpec.Pooling newPooling) {
        return new TrainingSettings(epochs, learningRate, batchSize, maxLength, seed, warmupRatio, weightDecay,
                saveSteps, newPooling, head);
    }

    /** These settings with another kind of head. */
    TrainingSettings withHead(HeadKind newHead) {
        return new TrainingSettings(epochs, learningRate, batchSize, maxLength, seed, warmupRatio, weightDecay,
                saveSteps, pooling, newHead);
    }

    /** The task's head, of the kind and pooling these settings say. */
    HeadSpec head(GlueTask task) {
        return HeadKind.orDense(head).head(task, pooling);
    }

    /** The optimizer for a run of {@code totalSteps} steps. */
    OptimizerSpec optimizer(int totalSteps) {
        int warmup = (int) Math.ceil(warmupRatio * totalSteps);
        return new OptimizerSpec(learningRate, 0.9, 0.999, EPSILON, weightDecay, OptimizerSpec.BERT_NO_DECAY, warmup,
                totalSteps, MAX_GRAD_NORM);
    }
}
