package io.bertlab.pretrain.run;

import io.bertlab.api.model.OptimizerSpec;
import java.util.List;

/**
 * What a pre-training run was started with; saved in every checkpoint so that {@code --resume} continues with the
 * same everything.
 *
 * @param tasks the objectives by task name, e.g. {@code [mlm, nsp]}
 * @param instances the training instances (absolute path)
 * @param evalInstances held-out instances evaluated every {@code evalSteps}, or null
 * @param model the model the run started from, as named (a name or folder; {@code DIR/initial} from scratch)
 * @param engine the engine
 * @param device the device
 * @param batchSize instances per step
 * @param learningRate the peak learning rate
 * @param warmup the share of the steps spent warming up (rounded up to whole steps, as HF)
 * @param weightDecay AdamW's decoupled weight decay (none on biases and LayerNorm)
 * @param steps the steps of the run, or 0 to count them from {@code epochs}
 * @param epochs passes over the instances when {@code steps} is 0
 * @param saveSteps a checkpoint every this many steps (and at the end)
 * @param evalSteps an evaluation every this many steps (and at the end), with {@code evalInstances}
 * @param logSteps a metrics record every this many steps (and at the end)
 * @param seed the seed of the batch order, of new weights and of dropout
 * @param remask HF's dynamic masking probability to redraw the training instances' masking with at every step
 *        ({@link Remasking}), or 0 to keep the file's masking
 */
record PretrainSettings(List<String> tasks, String instances, String evalInstances, String model, String engine,
        String device, int batchSize, double learningRate, double warmup, double weightDecay, int steps, int epochs,
        int saveSteps, int evalSteps, int logSteps, long seed, double remask) {

    /** Adam's betas and epsilon as in BERT (Google's {@code AdamWeightDecayOptimizer}); clipping at 1.0. */
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-6;
    static final double MAX_GRAD_NORM = 1.0;

    PretrainSettings {
        tasks = List.copyOf(tasks);
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("--tasks names no task");
        }
        positive("--batch-size", batchSize);
        positive("--save-steps", saveSteps);
        positive("--eval-steps", evalSteps);
        positive("--log-steps", logSteps);
        if (steps < 0 || epochs < 0 || (steps == 0) == (epochs == 0)) {
            throw new IllegalArgumentException("give the run's length as --steps N or --epochs N (positive), not both");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("--lr must be positive, was " + learningRate);
        }
        if (!(warmup >= 0 && warmup <= 1)) {
            throw new IllegalArgumentException("--warmup is a share of the steps, from 0 to 1, was " + warmup);
        }
        if (!(remask >= 0 && remask < 1)) {
            throw new IllegalArgumentException("--remask is a probability, above 0 and below 1, was " + remask);
        }
        if (!(weightDecay >= 0) || !Double.isFinite(weightDecay)) {
            throw new IllegalArgumentException("--weight-decay must not be negative, was " + weightDecay);
        }
    }

    private static void positive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive, was " + value);
        }
    }

    /** The steps of the whole run, given the steps of one epoch. */
    int totalSteps(int stepsPerEpoch) {
        long total = steps > 0 ? steps : (long) epochs * stepsPerEpoch;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the run would take " + total + " steps, more than the schedule counts");
        }
        return (int) total;
    }

    /** Warm-up steps: {@code ceil(warmup × total)}, as HF's {@code get_warmup_steps}. */
    int warmupSteps(int totalSteps) {
        return (int) Math.ceil(warmup * totalSteps);
    }

    /** AdamW with BERT's no-decay list, linear warm-up then linear decay to 0 at the last step, clipping at 1.0. */
    OptimizerSpec optimizer(int totalSteps) {
        return new OptimizerSpec(learningRate, BETA1, BETA2, EPSILON, weightDecay, OptimizerSpec.BERT_NO_DECAY,
                warmupSteps(totalSteps), totalSteps, MAX_GRAD_NORM);
    }
}
