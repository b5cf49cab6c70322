package io.bertlab.glue;

import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.model.StepResult;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.api.progress.ProgressListener;
import io.bertlab.model.bert.CheckpointFolders;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Fine-tunes one task as HF's {@code run_glue} does: AdamW with warm-up and linear decay, clipping, dropout in
 * training only, length-bucketed batches padded to their longest example, dev evaluation after every epoch.
 *
 * <p>Output folder: {@code best/} (the weights with the best main dev metric, a model directory with its
 * {@code tokenizer.json} and {@value FineTunedHead#FILE}), {@code last/} (the latest checkpoint with the optimizer's
 * state and {@value RunState#FILE}, what {@code --resume} continues) and {@code training.json} (the epochs so far).
 * Each checkpoint folder is replaced atomically.
 */
final class FineTuning {

    static final String BEST = "best";
    static final String LAST = "last";
    static final String HISTORY = "training.json";

    /** Receives each step, for tests and callers that stop a run on purpose. */
    @FunctionalInterface
    interface StepListener {
        void afterStep(long step) throws IOException;
    }

    private final GlueTask task;
    private final Scorer scorer;
    private final EncodedSplit train;
    private final EncodedSplit dev;
    private final Path tokenizerFile;
    private final Path output;
    private final PrintStream err;
    private StepListener listener = step -> { };
    private boolean stateSupported = true;

    FineTuning(GlueTask task, Scorer scorer, EncodedSplit train, EncodedSplit dev, Path tokenizerFile, Path output,
            PrintStream err) {
        this.task = task;
        this.scorer = scorer;
        this.train = train;
        this.dev = dev;
        this.tokenizerFile = tokenizerFile;
        this.output = output;
        this.err = err;
    }

    FineTuning onStep(StepListener stepListener) {
        this.listener = stepListener;
        return this;
    }

    /** The steps of one epoch, the same in every epoch. */
    static int batchesPerEpoch(EncodedSplit train, TrainingSettings settings) {
        return BatchPlan.training(lengths(train), settings.batchSize(), settings.seed(), 0).size();
    }

    /**
     * Runs (or continues) the run.
     *
     * @param model the model to start from: the original, or the {@code last/} checkpoint when resuming
     * @param state where the run stands ({@link RunState#start} for a new run)
     * @param resumeFrom the checkpoint folder whose optimizer state continues, or null for a new run
     * @return the final state
     */
    RunState run(Model model, RunState state, Path resumeFrom) throws IOException {
        TrainingSettings settings = state.settings();
        HeadSpec head = settings.head(task);
        TrainingSpec spec = new TrainingSpec(List.of(head), settings.optimizer(state.totalSteps()), settings.seed());
        Files.createDirectories(output);
        try (TrainingSession session = model.openSession(spec)) {
            if (resumeFrom != null) {
                session.restoreState(resumeFrom);
            }
            BatchAssembler assembler = new BatchAssembler(train);
            int perEpoch = batchesPerEpoch(train, settings);
            long step = (long) state.epoch() * perEpoch + state.batch();
            while (state.epoch() < settings.epochs()) {
                List<int[]> plan = BatchPlan.training(lengths(train), settings.batchSize(), settings.seed(),
                        state.epoch());
                ProgressBar bar = new ProgressBar(err, String.format(Locale.ROOT, "%s epoch %d/%d", task.name(),
                        state.epoch() + 1, settings.epochs()), plan.size());
                long examples = 0;
                for (int b = state.batch(); b < plan.size(); b++) {
                    int[] indices = plan.get(b);
                    long started = System.nanoTime();
                    StepResult result = session.step(assembler.batch(indices), assembler.targets(head, indices));
                    double seconds = (System.nanoTime() - started) / 1e9;
                    if (!Double.isFinite(result.loss())) {
                        bar.finish();
                        throw new IOException(task.name() + ": the training loss became " + result.loss() + " at step "
                                + (step + 1) + " (learning rate " + result.learningRate() + "); try a lower --lr");
                    }
                    state = state.afterBatch(result.loss(), assembler.tokens(indices), seconds);
                    step++;
                    examples += indices.length;
                    bar.update(b + 1, examples, state.epochLossSum() / state.batch());
                    if (settings.saveSteps() > 0 && step % settings.saveSteps() == 0 && b + 1 < plan.size()) {
                        checkpoint(session, state);
                    }
                    listener.afterStep(step);
                }
                bar.finish();
                state = finishEpoch(session, head, state, plan.size());
            }
        }
        return state;
    }

    private RunState finishEpoch(TrainingSession session, HeadSpec head, RunState state, int batches)
            throws IOException {
        List<Prediction> predictions = Predictor.predict(session, head, dev, 2 * state.settings().batchSize(),
                ProgressListener.NONE);
        Map<String, Double> metrics = scorer.score(predictions, dev.examples());
        RunState.EpochRecord record = new RunState.EpochRecord(state.epoch() + 1, state.epochLossSum() / batches,
                metrics, state.epochSeconds(), state.epochTokens() / Math.max(1e-9, state.epochSeconds()));
        double main = metrics.get(scorer.mainMetric());
        boolean better = scorer.better(main, state.best());
        RunState next = state.afterEpoch(record, better ? Double.valueOf(main) : state.best(),
                better ? record.epoch() : state.bestEpoch());
        if (better) {
            FineTunedHead fineTuned = new FineTunedHead(task.name(), task.labels(), state.model(), record.epoch(),
                    metrics, state.settings().pooling(), state.settings().head());
            CheckpointFolders.replace(output.resolve(BEST), folder -> {
                session.save(folder);
                copyTokenizer(folder);
                fineTuned.write(folder);
            });
        }
        checkpoint(session, next);
        RunState.writeJson(next.history(), output.resolve(HISTORY));
        err.printf(Locale.ROOT, "%s epoch %d/%d: train loss %.4f, dev %s, %.0f tokens/s%s%n", task.name(),
                record.epoch(), state.settings().epochs(), record.trainLoss(), describe(metrics),
                record.tokensPerSecond(), better ? " (best so far, saved)" : "");
        return next;
    }

    private void checkpoint(TrainingSession session, RunState state) throws IOException {
        CheckpointFolders.replace(output.resolve(LAST), folder -> {
            session.save(folder);
            copyTokenizer(folder);
            if (stateSupported) {
                try {
                    session.saveState(folder);
                } catch (UnsupportedOperationException e) {
                    stateSupported = false;
                    err.println(task.name() + ": " + e.getMessage() + "; --resume will not be possible for this run");
                }
            }
            state.write(folder);
        });
    }

    private void copyTokenizer(Path folder) throws IOException {
        Files.copy(tokenizerFile, folder.resolve(ModelProperties.TOKENIZER_FILE), StandardCopyOption.REPLACE_EXISTING);
    }

    static String describe(Map<String, Double> metrics) {
        return metrics.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.4f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static int[] lengths(EncodedSplit split) {
        int[] lengths = new int[split.size()];
        Arrays.setAll(lengths, split::length);
        return lengths;
    }
}
