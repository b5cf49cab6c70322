package io.bertlab.pretrain.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.model.StepResult;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.model.bert.CheckpointFolders;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pre-training loop: each step trains on the batch {@link BatchOrder} assigns it, with the sum of the tasks'
 * mean losses (MLM: mean over the predicted positions; NSP: mean over the instances), AdamW with BERT's no-decay
 * list, linear warm-up and decay, clipping at 1.0 (all in the engine's {@link TrainingSession}). Every
 * {@code --log-steps} it appends a metrics record, every {@code --eval-steps} it evaluates the held-out instances,
 * every {@code --save-steps} (and at the end) it replaces the checkpoint {@value #LAST}/ atomically and redraws
 * {@value CurvesPage#FILE}.
 *
 * <p>Output folder: {@value #LAST}/ (a model directory in HF's {@code BertForPreTraining} layout with its
 * {@code tokenizer.json}, the optimizer state and {@value RunState#FILE}: what {@code --resume} continues and what
 * other commands load), {@value MetricsLog#FILE}, {@value CurvesPage#FILE}, and {@value #INITIAL}/ for a model
 * started from scratch.
 */
final class PretrainingRun {

    static final String LAST = "last";
    static final String INITIAL = "initial";

    /** Receives each step, for tests and callers that stop a run on purpose. */
    @FunctionalInterface
    interface StepListener {
        void afterStep(long step, StepResult result) throws IOException;
    }

    private final List<Objective> objectives;
    private final InstanceSet train;
    private final HeldOut heldOut;
    private final byte[] tokenizerJson;
    private final Path output;
    private final PrintStream err;
    private StepListener listener = (step, result) -> { };
    private Remasking remasking;
    private boolean stateSupported = true;

    /**
     * A run.
     *
     * @param objectives the tasks
     * @param train the training instances
     * @param heldOut the held-out evaluation, or null
     * @param tokenizerJson the {@code tokenizer.json} copied into every checkpoint, or null
     * @param output the output folder
     * @param err where progress goes
     */
    PretrainingRun(List<Objective> objectives, InstanceSet train, HeldOut heldOut, byte[] tokenizerJson, Path output,
            PrintStream err) {
        this.objectives = List.copyOf(objectives);
        this.train = train;
        this.heldOut = heldOut;
        this.tokenizerJson = tokenizerJson;
        this.output = output;
        this.err = err;
    }

    /** Redraws the training instances' masking at every step ({@code --remask}); null keeps the file's. */
    PretrainingRun remasking(Remasking value) {
        this.remasking = value;
        return this;
    }

    PretrainingRun onStep(StepListener stepListener) {
        this.listener = stepListener;
        return this;
    }

    /**
     * Runs (or continues) the run to its last step.
     *
     * @param model the model to start from: the original, or the checkpoint when resuming
     * @param state where the run stands ({@link RunState#start} for a new run)
     * @param resumeFrom the checkpoint whose optimizer state continues, or null for a new run
     * @return the final state
     * @throws IOException when writing fails or the loss stops being finite
     */
    RunState run(Model model, RunState state, Path resumeFrom) throws IOException {
        PretrainSettings settings = state.settings();
        List<HeadSpec> heads = objectives.stream().map(Objective::head).toList();
        TrainingSpec spec = new TrainingSpec(heads, settings.optimizer(state.totalSteps()), settings.seed());
        Files.createDirectories(output);
        MetricsLog metrics = new MetricsLog(output);
        metrics.keepUpTo(state.step());
        BatchOrder order = new BatchOrder(train.size(), settings.batchSize(), settings.seed());
        Map<String, Double> accuracy = new LinkedHashMap<>();
        objectives.forEach(o -> accuracy.put(o.task(), Double.NaN));
        double shownLoss = Double.NaN;
        ProgressLine bar = new ProgressLine(err, state.totalSteps());
        try (TrainingSession session = model.openSession(spec)) {
            if (resumeFrom != null) {
                session.restoreState(resumeFrom);
            }
            // the time left is judged by the wall clock of this run so far, evaluations and checkpoints included
            long loopStarted = System.nanoTime();
            long firstStep = state.step();
            while (!state.finished()) {
                long step = state.step();
                InstanceBatch batch = remasking == null ? InstanceBatch.of(train, order.batch(step), objectives)
                        : InstanceBatch.of(train, order.batch(step), objectives,
                                (instance, row) -> remasking.apply(instance, step, row));
                boolean log = (step + 1) % settings.logSteps() == 0 || step + 1 == state.totalSteps();
                Scores measured = null;
                if (log) {
                    // before the update, in inference mode: the accuracy of the parameters this step's loss is of
                    measured = new Scores(objectives);
                    measured.add(session.evaluate(batch.batch(), null), batch);
                }
                long started = System.nanoTime();
                StepResult result = session.step(batch.batch(), batch.targets());
                double seconds = (System.nanoTime() - started) / 1e9;
                if (!Double.isFinite(result.loss())) {
                    bar.finish();
                    throw new IOException("the training loss became " + result.loss() + " at step " + (step + 1)
                            + " (learning rate " + result.learningRate() + "); try a lower --lr");
                }
                state = state.afterStep(result.loss(), taskLosses(result), batch.tokens(), seconds);
                shownLoss = state.window().lossSum() / state.window().steps();
                if (log) {
                    metrics.append(trainRecord(state, result, measured));
                    accuracy.putAll(measured.accuracy());
                    state = state.windowClosed();
                }
                bar.update(state.step(), shownLoss, accuracy, state.tokens() / Math.max(1e-9, state.seconds()),
                        (System.nanoTime() - loopStarted) / 1e9 / (state.step() - firstStep));
                boolean evaluate = heldOut != null && (state.step() % settings.evalSteps() == 0 || state.finished());
                if (evaluate) {
                    bar.finish();
                    evaluate(session, state, metrics);
                }
                if (state.step() % settings.saveSteps() == 0 || state.finished()) {
                    checkpoint(session, state);
                    page(state, metrics);
                } else if (evaluate) {
                    page(state, metrics);
                }
                listener.afterStep(state.step(), result);
            }
        } finally {
            bar.finish();
        }
        return state;
    }

    private Map<String, Double> taskLosses(StepResult result) {
        Map<String, Double> losses = new LinkedHashMap<>();
        for (Objective objective : objectives) {
            Double loss = result.headLosses().get(objective.head().name());
            if (loss != null) {
                losses.put(objective.task(), loss);
            }
        }
        return losses;
    }

    private ObjectNode trainRecord(RunState state, StepResult result, Scores measured) {
        RunState.Window window = state.window();
        ObjectNode record = RunState.JSON.createObjectNode();
        record.put("kind", "train");
        record.put("step", state.step());
        record.put("epoch", state.epoch());
        put(record, "loss", window.lossSum() / window.steps());
        for (Objective objective : objectives) {
            Double sum = window.taskLossSums().get(objective.task());
            put(record, objective.task() + "_loss", sum == null ? Double.NaN : sum / window.steps());
            put(record, objective.task() + "_accuracy", measured.accuracy().get(objective.task()));
        }
        put(record, "learning_rate", result.learningRate());
        put(record, "grad_norm", result.gradientNorm());
        put(record, "tokens_per_second", window.tokens() / Math.max(1e-9, window.seconds()));
        put(record, "elapsed_seconds", state.seconds());
        return record;
    }

    private void evaluate(TrainingSession session, RunState state, MetricsLog metrics) throws IOException {
        long started = System.nanoTime();
        Scores scores = heldOut.evaluate(session);
        double seconds = (System.nanoTime() - started) / 1e9;
        ObjectNode record = RunState.JSON.createObjectNode();
        record.put("kind", "eval");
        record.put("step", state.step());
        record.put("epoch", state.epoch());
        put(record, "loss", scores.totalLoss());
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "step %d/%d held-out: loss %.4f",
                state.step(), state.totalSteps(), scores.totalLoss()));
        for (Objective objective : objectives) {
            String task = objective.task();
            put(record, task + "_loss", scores.loss().get(task));
            put(record, task + "_accuracy", scores.accuracy().get(task));
            record.put(task + "_targets", scores.counts().get(task));
            line.append(String.format(Locale.ROOT, ", %s loss %.4f accuracy %.4f", task, scores.loss().get(task),
                    scores.accuracy().get(task)));
        }
        record.put("instances", heldOut.instances().size());
        put(record, "eval_seconds", seconds);
        metrics.append(record);
        err.println(line);
    }

    private void checkpoint(TrainingSession session, RunState state) throws IOException {
        CheckpointFolders.replace(output.resolve(LAST), folder -> {
            session.save(folder);
            PretrainingCheckpoint.toPretrainingLayout(folder);
            if (tokenizerJson != null) {
                Files.write(folder.resolve(ModelProperties.TOKENIZER_FILE), tokenizerJson);
            }
            if (stateSupported) {
                try {
                    session.saveState(folder);
                } catch (UnsupportedOperationException e) {
                    stateSupported = false;
                    err.println("warning: " + e.getMessage() + "; --resume will not be possible for this run");
                }
            }
            state.write(folder);
        });
    }

    private void page(RunState state, MetricsLog metrics) throws IOException {
        CurvesPage.write(output, output.getFileName().toString(), facts(state, train, heldOut),
                state.settings().tasks(), metrics.read());
    }

    /** What the run is, for the page. */
    static Map<String, String> facts(RunState state, InstanceSet train, HeldOut heldOut) {
        PretrainSettings s = state.settings();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("model", s.model());
        facts.put("engine", s.engine() + " (" + s.device() + ")");
        facts.put("tasks", String.join(", ", s.tasks()));
        facts.put("instances", train.size() + " from " + train.file());
        facts.put("held-out", heldOut == null ? "none" : heldOut.instances().size() + " from "
                + heldOut.instances().file());
        facts.put("steps", String.format(Locale.ROOT, "%d of %d (epoch %.2f; %d steps per epoch)", state.step(),
                state.totalSteps(), state.epoch(), state.stepsPerEpoch()));
        facts.put("optimizer", String.format(Locale.ROOT, "AdamW lr %s, %d warm-up steps then linear decay,"
                + " weight decay %s, clipping %s; batch size %d; seed %d", s.learningRate(),
                s.warmupSteps(state.totalSteps()), s.weightDecay(), PretrainSettings.MAX_GRAD_NORM, s.batchSize(),
                s.seed()));
        facts.put("training time", ProgressLine.duration((long) state.seconds()) + String.format(Locale.ROOT,
                " (%.0f real tokens/s)", state.tokens() / Math.max(1e-9, state.seconds())));
        return facts;
    }

    /** A number, or null where it is not finite (JSON has no NaN). */
    static void put(ObjectNode record, String field, Double value) {
        if (value == null || !Double.isFinite(value)) {
            record.putNull(field);
        } else {
            record.put(field, value.doubleValue());
        }
    }

    /** The last record of a kind, or null. */
    static JsonNode last(List<JsonNode> records, String kind) {
        JsonNode found = null;
        for (JsonNode record : records) {
            if (kind.equals(record.path("kind").asText())) {
                found = record;
            }
        }
        return found;
    }
}
