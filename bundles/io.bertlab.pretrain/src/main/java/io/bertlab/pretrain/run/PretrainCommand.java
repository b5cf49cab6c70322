package io.bertlab.pretrain.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.FileErrors;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.api.pretrain.PretrainingTask;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerResolver;
import io.bertlab.model.bert.CheckpointFolders;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.pretrain.InstalledTasks;
import io.bertlab.pretrain.TrainingInstance;
import io.bertlab.pretrain.Vocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code bertlab pretrain}: BERT pre-training on instance files (Masked LM + Next Sentence Prediction, or whichever
 * {@link PretrainingTask} services {@code --tasks} names), from scratch or from a checkpoint, checkpointed and
 * resumable exactly. See {@link PretrainingRun} for the loop and the output folder.
 */
@Component(service = Command.class)
@CommandProperties(name = PretrainOptions.NAME,
        summary = "Pre-train a BERT (masked LM + next sentence) on instance files, from scratch or a checkpoint")
public class PretrainCommand implements Command {

    private static final String NAME = PretrainOptions.NAME;

    @Reference
    private ModelResolver models;

    @Reference
    private TokenizerResolver tokenizers;

    private final InstalledTasks tasks = new InstalledTasks();

    private PretrainingRun.StepListener listener = (step, result) -> { };

    /** For Declarative Services. */
    public PretrainCommand() {
    }

    /**
     * A command outside OSGi.
     *
     * @param models opens {@code --model}
     * @param tokenizers resolves {@code --tokenizer}
     * @param tasks the tasks by name
     */
    public PretrainCommand(ModelResolver models, TokenizerResolver tokenizers, Map<String, PretrainingTask> tasks) {
        this.models = models;
        this.tokenizers = tokenizers;
        this.tasks.addAll(tasks);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTask(PretrainingTask task, Map<String, Object> properties) {
        tasks.add(task, properties);
    }

    void removeTask(PretrainingTask task) {
        tasks.remove(task);
    }

    /** For tests: receives each step (and may stop the run by throwing). */
    PretrainCommand onStep(PretrainingRun.StepListener stepListener) {
        this.listener = stepListener;
        return this;
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab pretrain --instances FILE [--eval-instances FILE] --output DIR",
                "         (--model NAME|DIR | --tokenizer FILE --layers L --hidden H --heads A [--intermediate I]",
                "          [--max-positions 512]) [--engine java|pytorch|mxnet] [--device cpu|gpu]",
                "         [--steps N | --epochs 1] [--batch-size 32] [--lr 1e-4] [--warmup 0.01] [--weight-decay 0.01]",
                "         [--save-steps 500] [--eval-steps 500] [--log-steps 10] [--seed 42] [--tasks mlm,nsp]",
                "         [--remask P]",
                "       bertlab pretrain --output DIR --resume [--device cpu|gpu]",
                "",
                "Pre-trains BERT as the paper does: the loss is the mean masked-LM loss over the predicted positions",
                "plus the mean next-sentence loss; the MLM decoder is the word embedding matrix (tied) with its own",
                "bias, as HF's BertForPreTraining; AdamW (no decay on biases and LayerNorm), linear warm-up then",
                "linear decay, gradient clipping at 1.0. Instances come from 'bertlab pretraining-data' (JSON lines),",
                "padded per batch to the batch's longest; every epoch visits them in a new order fixed by the seed.",
                "From scratch, the model is initialised as HF initialises BertForPreTraining and written to",
                "DIR/initial; from a checkpoint, a missing MLM or NSP head is initialised the same way.",
                "",
                "DIR/last is the latest checkpoint (every --save-steps and at the end, replaced atomically): a model",
                "directory HF loads as BertForPreTraining (cls.predictions.*, cls.seq_relationship.*), with its",
                "tokenizer.json, the optimizer state and run.json; --resume continues from it and takes exactly the",
                "steps the uninterrupted run would have taken. DIR/metrics.jsonl holds a record every --log-steps",
                "(loss, each task's loss and accuracy, learning rate, tokens/s) and after each evaluation of",
                "--eval-instances (every --eval-steps and at the end); DIR/index.html draws them (inline SVG).",
                "Progress goes to standard error, a JSON summary to standard output.",
                "",
                "Options:",
                "  --instances FILE      training instances (JSON lines from pretraining-data)",
                "  --eval-instances FILE held-out instances (made from other documents) to evaluate",
                "  --output DIR          where last/, metrics.jsonl and index.html go",
                "  --resume              continue the run in --output with its own model, data and settings",
                "  --model NAME|DIR      start from a named model or a model directory",
                "  --tokenizer FILE      from scratch: the tokenizer.json whose vocabulary the model gets",
                "  --layers, --hidden, --heads, --intermediate (default 4 x hidden), --max-positions (default 512)",
                "                        from scratch: the architecture",
                "  --engine NAME         java (default), pytorch or mxnet; --device cpu (default) or gpu",
                "  --steps N | --epochs N  the run's length (default one epoch)",
                "  --batch-size N        instances per step (default 32)",
                "  --lr X                peak learning rate (default 1e-4, as BERT)",
                "  --warmup X            share of the steps warming up (default 0.01, as BERT's 10k of 1M)",
                "  --weight-decay X      AdamW weight decay (default 0.01)",
                "  --save-steps N, --eval-steps N, --log-steps N  checkpoint, evaluation and record intervals",
                "  --seed N              batch order, new weights and dropout (default 42)",
                "  --tasks a,b           the pre-training tasks (default mlm,nsp)",
                "  --remask P            redraw the masking of every training instance at every step, each token",
                "                        predicted with probability P (HF's dynamic masking, e.g. 0.15)",
                "",
                "Example: bertlab pretrain --instances train.jsonl --eval-instances held-out.jsonl --output runs/tiny \\",
                "           --tokenizer bert-base-uncased/tokenizer.json --layers 2 --hidden 128 --heads 2 --steps 1000");
    }

    @Override
    public int run(CommandContext call) throws Exception {
        PretrainOptions options = PretrainOptions.parse(call);
        Path output = options.output();
        try {
            Prepared prepared = options.resume() ? resume(options, output, call) : start(options, output, call);
            try (OpenedModel opened = prepared.model()) {
                RunState state = prepared.state();
                if (state.finished()) {
                    call.err().println(NAME + ": the run in " + output + " is complete (" + state.step() + " of "
                            + state.totalSteps() + " steps)");
                } else {
                    state = prepared.run().onStep(listener).run(opened.model(), state, prepared.resumeFrom());
                }
                call.out().println(summary(state, output).toString());
            }
            return 0;
        } catch (IOException e) {
            throw new CommandException(NAME + ": " + e.getMessage(), e);
        }
    }

    /** A run ready to go: its model, where it stands, and the loop. */
    private record Prepared(OpenedModel model, RunState state, Path resumeFrom, PretrainingRun run) {
    }

    private Prepared start(PretrainOptions options, Path output, CommandContext call) throws IOException,
            CommandException {
        if (CheckpointFolders.existing(output.resolve(PretrainingRun.LAST)).isPresent()) {
            throw new CommandException(NAME + ": " + output + " already holds a run: add --resume to continue it, or"
                    + " choose another --output");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new CommandException(NAME + ": --output " + output + " is a file, not a folder");
        }
        PretrainSettings settings = options.settings(null);
        List<Objective> objectives = objectives(settings.tasks());
        if (settings.remask() > 0 && objectives.stream().noneMatch(Objective::perToken)) {
            throw new UsageException(NAME + ": --remask redraws masked-LM targets, and no task of --tasks "
                    + String.join(",", settings.tasks()) + " predicts masked tokens");
        }
        InstanceSet train = InstanceSet.read(Path.of(settings.instances()), "--instances");
        InstanceSet eval = settings.evalInstances() == null ? null
                : InstanceSet.read(Path.of(settings.evalInstances()), "--eval-instances");
        checkTargets(objectives, train);
        if (eval != null) {
            checkLabels(objectives, eval);
        }
        boolean created = !Files.exists(output);
        OpenedModel opened = null;
        try {
            String model;
            if (options.scratch()) {
                Scratch scratch = scratch(options, objectives, train, eval, call);
                Path initial = output.resolve(PretrainingRun.INITIAL);
                CheckpointFolders.replace(initial, folder -> {
                    RandomBert.write(folder, scratch.config(), objectives.stream().map(Objective::head).toList(),
                            settings.seed());
                    Files.write(folder.resolve(ModelProperties.TOKENIZER_FILE), scratch.tokenizerJson());
                });
                model = initial.toString();
                opened = models.open(model, initial, settings.engine(), settings.device());
            } else {
                model = options.value("--model").orElseThrow();
                opened = models.open(model, call.resolve(model), settings.engine(), settings.device());
                ModelConfig config = opened.model().config();
                train.checkFits(config, model);
                if (eval != null) {
                    eval.checkFits(config, model);
                }
                reportMissingHeads(opened, objectives, call);
            }
            PretrainSettings named = new PretrainSettings(settings.tasks(), settings.instances(),
                    settings.evalInstances(), model, opened.model().engine().name(), settings.device(),
                    settings.batchSize(), settings.learningRate(), settings.warmup(), settings.weightDecay(),
                    settings.steps(), settings.epochs(), settings.saveSteps(), settings.evalSteps(),
                    settings.logSteps(), settings.seed(), settings.remask());
            BatchOrder order = new BatchOrder(train.size(), named.batchSize(), named.seed());
            RunState state = RunState.start(named, train, eval, order.stepsPerEpoch());
            describe(call, state, train, eval, null);
            return new Prepared(opened, state, null, new PretrainingRun(objectives, train, heldOut(eval, objectives,
                    named), tokenizerJson(opened), output, call.err()).remasking(remasking(named, opened)));
        } catch (IOException | CommandException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            if (created) {
                CheckpointFolders.deleteTree(output); // nothing half-written: the folder was this call's
            }
            throw e;
        }
    }

    private Prepared resume(PretrainOptions options, Path output, CommandContext call) throws IOException,
            CommandException {
        Path last = CheckpointFolders.existing(output.resolve(PretrainingRun.LAST)).orElseThrow(() ->
                new CommandException(NAME + ": nothing to resume: " + output + " holds no run (no "
                        + PretrainingRun.LAST + "/ checkpoint)"));
        RunState state = RunState.read(last);
        if (!state.finished() && !Files.isRegularFile(last.resolve(ModelProperties.OPTIMIZER_STATE_FILE))) {
            throw new CommandException(NAME + ": cannot resume: " + last + " holds no optimizer state ("
                    + ModelProperties.OPTIMIZER_STATE_FILE + "); its engine could not save one");
        }
        PretrainSettings settings = state.settings();
        List<Objective> objectives = objectives(settings.tasks());
        InstanceSet train = InstanceSet.read(Path.of(settings.instances()), "the run's --instances");
        unchanged(train, state.instancesFingerprint());
        InstanceSet eval = null;
        if (settings.evalInstances() != null) {
            eval = InstanceSet.read(Path.of(settings.evalInstances()), "the run's --eval-instances");
            unchanged(eval, state.evalFingerprint());
        }
        String device = options.value("--device").orElse(settings.device());
        OpenedModel opened = models.open(last.toString(), last, settings.engine(), device);
        try {
            describe(call, state, train, eval, last);
            return new Prepared(opened, state, last, new PretrainingRun(objectives, train, heldOut(eval, objectives,
                    settings), tokenizerJson(opened), output, call.err()).remasking(remasking(settings, opened)));
        } catch (IOException | CommandException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private static void unchanged(InstanceSet set, String fingerprint) throws CommandException {
        if (!set.fingerprint().equals(fingerprint)) {
            throw new CommandException(NAME + ": cannot resume: " + set.file() + " changed since the run started"
                    + " (its instances differ), so the remaining batches would not be the run's");
        }
    }

    private List<Objective> objectives(List<String> names) throws CommandException {
        List<Objective> objectives = new ArrayList<>();
        Set<String> heads = new TreeSet<>();
        for (Map.Entry<String, PretrainingTask> task : tasks.choose(NAME, names).entrySet()) {
            try {
                Objective objective = Objective.of(task.getKey(), task.getValue());
                if (!heads.add(objective.head().name())) {
                    throw new CommandException(NAME + ": two tasks train the head '" + objective.head().name() + "'");
                }
                objectives.add(objective);
            } catch (IllegalArgumentException e) {
                throw new CommandException(NAME + ": " + e.getMessage());
            }
        }
        return objectives;
    }

    /** {@code --remask}: the model's vocabulary redraws the masking, or null when the run keeps the file's. */
    private static Remasking remasking(PretrainSettings settings, OpenedModel opened) throws IOException,
            CommandException {
        if (settings.remask() == 0) {
            return null;
        }
        try {
            return new Remasking(settings.remask(), Vocabulary.of(opened.tokenizer()), settings.seed());
        } catch (IllegalArgumentException e) {
            throw new CommandException(NAME + ": --remask: " + e.getMessage());
        }
    }

    /** Fails unless every instance has a label for each sentence-level task. */
    private static void checkLabels(List<Objective> objectives, InstanceSet set) throws CommandException {
        for (Objective objective : objectives) {
            long missing = set.size() - set.labelled(objective.task());
            if (!objective.perToken() && missing > 0) {
                throw new CommandException(NAME + ": " + set.file() + ": " + missing + " of " + set.size()
                        + " instances have no label for task '" + objective.task()
                        + "': make them with pretraining-data --tasks naming it");
            }
        }
    }

    private static void checkTargets(List<Objective> objectives, InstanceSet train) throws CommandException {
        checkLabels(objectives, train);
        for (Objective objective : objectives) {
            if (objective.perToken() && train.predictions() == 0) {
                throw new CommandException(NAME + ": " + train.file() + " has no masked positions: task '"
                        + objective.task() + "' has nothing to predict");
            }
        }
    }

    /** The configuration and tokenizer of a model from scratch. */
    private record Scratch(ModelConfig config, byte[] tokenizerJson) {
    }

    private Scratch scratch(PretrainOptions options, List<Objective> objectives, InstanceSet train, InstanceSet eval,
            CommandContext call) throws IOException, CommandException {
        String name = options.value("--tokenizer").orElseThrow();
        Path file = call.resolve(name);
        Tokenizer tokenizer = tokenizers.resolve(name, file);
        if (!Files.isRegularFile(file) || !file.getFileName().toString().endsWith(".json")) {
            throw new CommandException(NAME + ": --tokenizer " + name + ": a new model directory needs the"
                    + " tokenizer's tokenizer.json file beside the model; give that file");
        }
        ModelConfig config;
        try {
            int hidden = options.integer("--hidden", 0);
            config = RandomBert.config(tokenizer.vocabularySize(), options.integer("--layers", 0), hidden,
                    options.integer("--heads", 0), options.integer("--intermediate", 4 * hidden),
                    options.integer("--max-positions", 512));
        } catch (IllegalArgumentException e) {
            throw new UsageException(NAME + ": " + e.getMessage());
        }
        String model = "the tokenizer " + file.getFileName();
        train.checkFits(config, model);
        if (eval != null) {
            eval.checkFits(config, model);
        }
        try {
            return new Scratch(config, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CommandException(NAME + ": --tokenizer: cannot read " + FileErrors.describe(file, e), e);
        }
    }

    private static void reportMissingHeads(OpenedModel opened, List<Objective> objectives, CommandContext call) {
        Set<String> names;
        try {
            names = ModelDirectory.parameterNames(opened.directory());
        } catch (IOException | RuntimeException e) {
            return; // a named model that does not say where its files are: the engine still initialises the heads
        }
        for (Objective objective : objectives) {
            String prefix = objective.head().name() + ".";
            if (names.stream().noneMatch(n -> n.startsWith(prefix))) {
                call.err().println(NAME + ": the checkpoint has no " + objective.head().name() + " head (task "
                        + objective.task() + "); it starts as HF initialises a new one");
            }
        }
    }

    private static HeldOut heldOut(InstanceSet eval, List<Objective> objectives, PretrainSettings settings) {
        return eval == null ? null : new HeldOut(eval, objectives, settings.batchSize());
    }

    private static byte[] tokenizerJson(OpenedModel opened) {
        try {
            Path file = opened.directory().resolve(ModelProperties.TOKENIZER_FILE);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void describe(CommandContext call, RunState state, InstanceSet train, InstanceSet eval,
            Path resumed) {
        PretrainSettings s = state.settings();
        String notNext = train.labelled(TrainingInstance.NEXT_SENTENCE) == 0 ? ""
                : String.format(Locale.ROOT, ", NotNext %.1f %%", 100.0 * train.randomNext() / train.size());
        call.err().printf(Locale.ROOT, "%s: %d instances (longest %d tokens, %d masked positions%s),"
                + " %s, %d steps of %d (%d per epoch), tasks %s, %s on %s%s%n", NAME, train.size(), train.longest(),
                train.predictions(), notNext,
                eval == null ? "no held-out set" : eval.size() + " held-out", state.totalSteps(), s.batchSize(),
                state.stepsPerEpoch(), String.join("+", s.tasks()), s.model(), s.engine(),
                resumed == null ? "" : ", resuming after step " + state.step() + " from " + resumed);
    }

    /** The line printed on standard output. */
    private static ObjectNode summary(RunState state, Path output) throws IOException {
        ObjectNode summary = RunState.JSON.createObjectNode();
        summary.put("output", output.toString());
        summary.put("checkpoint", output.resolve(PretrainingRun.LAST).toString());
        summary.put("model", state.settings().model());
        summary.put("engine", state.settings().engine());
        summary.put("steps", state.step());
        summary.put("epochs", state.epoch());
        PretrainingRun.put(summary, "tokens_per_second", state.tokens() / Math.max(1e-9, state.seconds()));
        PretrainingRun.put(summary, "training_seconds", state.seconds());
        List<JsonNode> records = new MetricsLog(output).read();
        JsonNode train = PretrainingRun.last(records, "train");
        JsonNode eval = PretrainingRun.last(records, "eval");
        if (train != null) {
            summary.set("train", without(train, "kind"));
        }
        if (eval != null) {
            summary.set("eval", without(eval, "kind"));
        }
        return summary;
    }

    private static JsonNode without(JsonNode record, String field) {
        ObjectNode copy = record.deepCopy();
        copy.remove(field);
        return copy;
    }
}
