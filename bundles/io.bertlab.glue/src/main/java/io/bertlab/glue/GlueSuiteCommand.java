package io.bertlab.glue;

import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.model.bert.CheckpointFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bertlab glue-suite}: fine-tunes and evaluates every task whose data is there, then writes the reports. */
@Component(service = Command.class)
@CommandProperties(name = "glue-suite", summary = "Fine-tune and evaluate every task with data; paper-style reports")
public class GlueSuiteCommand extends GlueCommand {

    public GlueSuiteCommand() {
        super("glue-suite");
    }

    private static final String NAME = "glue-suite";



    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab glue-suite --model NAME|DIR --output DIR [--data DIR]... [--tasks A,B,...]",
                "                          [--epochs-of TASK=N]... [--resume] [training options]",
                "",
                "Runs glue-train for every installed task whose train and dev files are in a --data folder (or",
                "those of --tasks), each into DIR/<TASK>/, then writes DIR/results.json, DIR/results.md (the",
                "BERT paper's Table 1 layout, dev scores, published results beside) and DIR/index.html (the",
                "table and each task's learning curves, one file that opens from disk). --resume continues",
                "unfinished tasks and reuses finished ones.",
                "",
                "Options:",
                GlueOptions.MODEL_HELP,
                "  --output DIR         the suite's folder",
                "  --tasks A,B,...      only these tasks",
                "  --epochs-of TASK=N   fewer (or more) epochs for one task, e.g. SST-2=1 on a small machine",
                "  --resume             continue the suite in --output",
                GlueOptions.TRAINING_HELP,
                GlueOptions.DATA_HELP,
                "",
                "Example: bertlab glue-suite --model minilm --data glue_data --data . --output runs/suite");
    }

    @Override
    int execute(CommandContext context) throws Exception {
        GlueOptions options = GlueOptions.parse(NAME, context, Set.of("--resume"), GlueOptions.MODEL_OPTIONS,
                GlueOptions.DATA_OPTIONS, GlueOptions.TRAINING_OPTIONS, Set.of("--output", "--tasks", "--epochs-of"));
        long started = System.nanoTime();
        Path output = options.path(options.required("--output"));
        String modelName = options.required("--model");
        TaskData data = options.data();
        TrainingSettings settings = options.training();
        Map<String, Integer> epochsOf = epochsOf(options);
        List<GlueTask> tasks = chosenTasks(options, data);
        List<SuiteReport.TaskOutcome> outcomes = new ArrayList<>();
        String engine = options.engine();
        for (GlueTask task : tasks) {
            long taskStarted = System.nanoTime();
            Path folder = output.resolve(task.name());
            TrainingSettings taskSettings = settings.withEpochs(epochsOf.getOrDefault(task.name(),
                    settings.epochs()));
            if (!HeadKind.orDense(settings.head()).fits(task)) {
                taskSettings = taskSettings.withHead(HeadKind.DENSE); // --head cosine is for the similarity tasks
            }
            RunState state = trainOrResume(task, folder, taskSettings, modelName, options, data, context);
            engine = state.engine();
            double seconds = state.history().stream().mapToDouble(RunState.EpochRecord::seconds).sum();
            double tokens = state.history().stream().mapToDouble(r -> r.seconds() * r.tokensPerSecond()).sum();
            outcomes.add(new SuiteReport.TaskOutcome(task.name(), state.history(), state.bestEpoch(),
                    tokens / Math.max(1e-9, seconds), (System.nanoTime() - taskStarted) / 1e9));
            new SuiteReport(modelName, engine, outcomes, (System.nanoTime() - started) / 1e9).write(output);
        }
        new SuiteReport(modelName, engine, outcomes, (System.nanoTime() - started) / 1e9).write(output);
        context.out().println(output.resolve("results.md"));
        return 0;
    }

    private RunState trainOrResume(GlueTask task, Path folder, TrainingSettings settings, String modelName,
            GlueOptions options, TaskData data, CommandContext context) throws IOException, UsageException {
        Optional<Path> last = CheckpointFolders.existing(folder.resolve(FineTuning.LAST));
        if (last.isPresent() && options.arguments().has("--resume")) {
            RunState saved = RunState.read(last.get());
            if (saved.epoch() >= saved.settings().epochs()) {
                context.err().println(NAME + ": " + task.name() + " finished before; its results are reused");
                return saved;
            }
            TaskRun run = TaskRun.resume(task, folder, options.device(), resolver);
            try (OpenedModel model = run.model()) {
                return run.train(services, data, null, context.err());
            }
        }
        if (last.isPresent()) {
            throw new IOException(folder + " already holds a run of " + task.name() + ": add --resume, or choose"
                    + " another --output");
        }
        Files.createDirectories(folder);
        TaskRun run = TaskRun.start(task, folder, settings, modelName, options.path(modelName), options.engine(),
                options.device(), resolver);
        try (OpenedModel model = run.model()) {
            return run.train(services, data, null, context.err());
        }
    }

    private List<GlueTask> chosenTasks(GlueOptions options, TaskData data) throws IOException {
        Optional<String> listed = options.arguments().value("--tasks");
        List<GlueTask> tasks = new ArrayList<>();
        if (listed.isPresent()) {
            for (String name : listed.get().split(",")) {
                tasks.add(services.task(name.trim()));
            }
            return tasks;
        }
        for (GlueTask task : services.tasks()) {
            Optional<Path> folder = data.roots().find(task);
            boolean trainable = task.splits().stream().anyMatch(s -> s.name().equals("train"));
            if (trainable && folder.isPresent() && Files.isRegularFile(folder.get().resolve(TaskData.split(task,
                    "train").fileName()))) {
                tasks.add(task);
            }
        }
        if (tasks.isEmpty()) {
            throw new IOException("no task has its data in " + data.roots().roots() + " (see 'bertlab glue-tasks"
                    + " --data DIR')");
        }
        return tasks;
    }

    private static Map<String, Integer> epochsOf(GlueOptions options) throws UsageException {
        Map<String, Integer> epochs = new HashMap<>();
        for (String value : options.arguments().values("--epochs-of")) {
            int equals = value.indexOf('=');
            try {
                epochs.put(value.substring(0, equals), Integer.parseInt(value.substring(equals + 1)));
            } catch (RuntimeException e) {
                throw new UsageException(NAME + ": --epochs-of takes TASK=N, got '" + value + "'");
            }
        }
        return epochs;
    }

}
