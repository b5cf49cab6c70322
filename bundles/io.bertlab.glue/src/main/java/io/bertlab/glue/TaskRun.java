package io.bertlab.glue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Split;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.model.bert.CheckpointFolders;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One fine-tuning run as a command starts or resumes it: the task, the opened model, the output folder and where the
 * run stands. Shared by {@code glue-train} and {@code glue-suite}.
 */
final class TaskRun {

    private final GlueTask task;
    private final Path output;
    private final OpenedModel model;
    private final String modelName;
    private final TrainingSettings settings;
    private final RunState resumed;
    private final Path resumeFrom;

    private TaskRun(GlueTask task, Path output, OpenedModel model, String modelName, TrainingSettings settings,
            RunState resumed, Path resumeFrom) {
        this.task = task;
        this.output = output;
        this.model = model;
        this.modelName = modelName;
        this.settings = settings;
        this.resumed = resumed;
        this.resumeFrom = resumeFrom;
    }

    /** A new run; refuses an output folder that already holds one. */
    static TaskRun start(GlueTask task, Path output, TrainingSettings settings, String modelName, Path modelPath,
            String engine, String device, ModelResolver resolver) throws IOException {
        if (CheckpointFolders.existing(output.resolve(FineTuning.LAST)).isPresent()) {
            throw new IOException(output + " already holds a run: add --resume to continue it, or choose another"
                    + " --output");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new IOException("--output " + output + " is a file, not a folder");
        }
        OpenedModel model = resolver.open(modelName, modelPath, engine, device);
        TrainingSettings pooled = settings.pooling() != null ? settings
                : settings.withPooling(defaultPooling(model.model()));
        return new TaskRun(task, output, model, modelName, pooled, null, null);
    }

    /**
     * {@code --pooling auto}: the pooler where the checkpoint has one (HF's {@code run_glue}), else the mean of the
     * tokens, which is what a pooler-less sentence encoder was trained to produce (a pooler initialised at random
     * would start the head from noise). Whether a checkpoint has a pooler shows in its output: one token tells.
     */
    static HeadSpec.Pooling defaultPooling(Model model) {
        return model.forward(Batch.of(new int[][] {{0}})).hasPooledOutput() ? HeadSpec.Pooling.POOLER
                : HeadSpec.Pooling.MEAN;
    }

    /** Continues the run saved in {@code output}, with its own model, settings and engine. */
    static TaskRun resume(GlueTask task, Path output, String device, ModelResolver resolver) throws IOException {
        Path last = CheckpointFolders.existing(output.resolve(FineTuning.LAST)).orElseThrow(() -> new IOException(
                "nothing to resume: " + output.resolve(FineTuning.LAST) + " does not exist"));
        if (!Files.isRegularFile(last.resolve(ModelProperties.OPTIMIZER_STATE_FILE))) {
            throw new IOException("cannot resume: " + last + " holds no optimizer state ("
                    + ModelProperties.OPTIMIZER_STATE_FILE + "); its engine could not save one");
        }
        RunState state = RunState.read(last);
        if (!state.task().equals(task.name())) {
            throw new IOException(output + " holds a run of " + state.task() + ", not " + task.name());
        }
        OpenedModel model = resolver.open(last.toString(), last, state.engine(), device);
        return new TaskRun(task, output, model, state.model(), state.settings(), state, last);
    }

    OpenedModel model() {
        return model;
    }

    /** Reads and encodes the data, then trains to the end of the run. */
    RunState train(GlueServices services, TaskData data, String devSplit, PrintStream err) throws IOException {
        Scorer scorer = new Scorer(task, services);
        Tokenizer tokenizer = model.tokenizer();
        Dataset train = data.read(task, "train");
        Dataset dev = data.read(task, devSplit == null ? defaultDev(task) : devSplit);
        HeadSpec head = settings.head(task);
        EncodedSplit trainSet = EncodedSplit.encode(train.examples(), tokenizer, settings.maxLength(), head,
                (what, done, total) -> { });
        EncodedSplit devSet = EncodedSplit.encode(dev.examples(), tokenizer, settings.maxLength(), head,
                (what, done, total) -> { });
        int totalSteps = FineTuning.batchesPerEpoch(trainSet, settings) * settings.epochs();
        RunState state = resumed != null ? resumed : RunState.start(task.name(), modelName,
                model.model().engine().name(), settings, totalSteps);
        err.printf("%s: %d training and %d dev examples (%s), %d steps on %s, head over %s%s%n", task.name(),
                trainSet.size(), devSet.size(), dev.split().name(), totalSteps, state.engine(),
                describe(state.settings()), resumed == null ? ""
                        : ", resuming at epoch " + (state.epoch() + 1) + " batch " + state.batch());
        return new FineTuning(task, scorer, trainSet, devSet, model.directory().resolve(
                ModelProperties.TOKENIZER_FILE), output, err).run(model.model(), state, resumeFrom);
    }

    private static String describe(TrainingSettings settings) {
        if (HeadKind.orDense(settings.head()) == HeadKind.COSINE) {
            return "the cosine of the two texts' mean embeddings";
        }
        return settings.pooling() == HeadSpec.Pooling.MEAN ? "the mean of the tokens" : "the pooler";
    }

    /** The dev split: {@code dev}, else the first labelled split that is not {@code train} (MNLI's dev_matched). */
    static String defaultDev(GlueTask task) {
        return task.splits().stream().filter(s -> s.labelled() && !s.name().equals("train")).map(Split::name)
                .filter(n -> n.equals("dev")).findFirst().orElseGet(() -> task.splits().stream()
                        .filter(s -> s.labelled() && !s.name().equals("train")).map(Split::name).findFirst()
                        .orElse("dev"));
    }

    /** The summary line printed on standard output. */
    static ObjectNode summary(RunState state, Path output) {
        ObjectNode summary = RunState.JSON.createObjectNode();
        summary.put("task", state.task());
        summary.put("model", state.model());
        summary.put("engine", state.engine());
        summary.put("epochs", state.history().size());
        summary.put("best_epoch", state.bestEpoch());
        ObjectNode dev = summary.putObject("dev");
        if (state.bestEpoch() > 0) {
            state.history().get(state.bestEpoch() - 1).dev().forEach(dev::put);
        }
        summary.put("best", output.resolve(FineTuning.BEST).toString());
        return summary;
    }
}
