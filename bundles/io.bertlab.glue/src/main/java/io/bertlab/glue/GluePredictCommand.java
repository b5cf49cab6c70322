package io.bertlab.glue;

import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bertlab glue-predict}: a split's predictions in the leaderboard's file format. */
@Component(service = Command.class)
@CommandProperties(name = "glue-predict", summary = "Predict a task's test split as a leaderboard submission file")
public class GluePredictCommand extends GlueCommand {

    public GluePredictCommand() {
        super("glue-predict");
    }

    private static final String NAME = "glue-predict";



    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab glue-predict --task NAME --model NAME|DIR --output DIR [--split test] [--data DIR]...",
                "",
                "Runs a model fine-tuned for the task over a split (by default test, which has no labels) and",
                "writes the task's submission file into DIR in the leaderboard's format (index<TAB>prediction):",
                "RTE.tsv, MNLI-m.tsv, ... AX is predicted with an MNLI model. Prints the file's path.",
                "",
                "Options:",
                "  --task NAME          the task (see 'bertlab glue-tasks')",
                GlueOptions.MODEL_HELP,
                "  --output DIR         the submission folder (created if missing)",
                "  --split NAME         the split (default test; MNLI: test_matched or test_mismatched)",
                "  --batch-size N       examples per forward pass (default 64)",
                "  --max-length N       tokens per example (default 128)",
                GlueOptions.DATA_HELP,
                "",
                "Example: bertlab glue-predict --task RTE --model runs/rte/best --data glue_data --output submission");
    }

    @Override
    int execute(CommandContext context) throws Exception {
        GlueOptions options = GlueOptions.parse(NAME, context, Set.of(), GlueOptions.MODEL_OPTIONS,
                GlueOptions.DATA_OPTIONS, Set.of("--task", "--output"));
        GlueTask task = services.task(options.required("--task"));
        Path output = options.path(options.required("--output"));
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new IOException("--output " + output + " is a file, not a folder");
        }
        Dataset dataset = options.data().read(task, options.split(defaultTest(task)));
        String name = options.required("--model");
        try (OpenedModel model = resolver.open(name, options.path(name), options.engine(), options.device())) {
            List<Prediction> predictions = FineTunedPredictions.predict(task, model, dataset,
                    options.maxLength(128), options.batchSize(64), context.err());
            Files.createDirectories(output);
            Path file = task.writeSubmission(dataset.split(), predictions, output);
            context.out().println(file);
        }
        return 0;
    }

    /** The first unlabelled split ({@code test}, MNLI's {@code test_matched}), else {@code test}. */
    static String defaultTest(GlueTask task) {
        return task.splits().stream().filter(s -> !s.labelled()).map(s -> s.name()).findFirst().orElse("test");
    }
}
