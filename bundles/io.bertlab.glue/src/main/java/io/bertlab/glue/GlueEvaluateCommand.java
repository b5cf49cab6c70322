package io.bertlab.glue;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bertlab glue-evaluate}: a fine-tuned model's official metrics on a labelled split. */
@Component(service = Command.class)
@CommandProperties(name = "glue-evaluate", summary = "Evaluate a fine-tuned model on a task's labelled split")
public class GlueEvaluateCommand extends GlueCommand {

    public GlueEvaluateCommand() {
        super("glue-evaluate");
    }

    private static final String NAME = "glue-evaluate";



    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab glue-evaluate --task NAME --model NAME|DIR [--split dev] [--data DIR]... [options]",
                "",
                "Runs a model fine-tuned for the task (glue-train's DIR/best) over a labelled split and prints",
                "the task's official metrics as one JSON object: {\"task\", \"split\", \"examples\", \"problems\",",
                "\"metrics\": {...}}. A model whose head was trained for another task is refused.",
                "",
                "Options:",
                "  --task NAME          the task (see 'bertlab glue-tasks')",
                GlueOptions.MODEL_HELP,
                "  --split NAME         the split (default dev; MNLI: dev_matched or dev_mismatched)",
                "  --batch-size N       examples per forward pass (default 64)",
                "  --max-length N       tokens per example (default 128, as in training)",
                GlueOptions.DATA_HELP,
                "",
                "Example: bertlab glue-evaluate --task RTE --model runs/rte/best --data glue_data");
    }

    @Override
    int execute(CommandContext context) throws Exception {
        GlueOptions options = GlueOptions.parse(NAME, context, Set.of(), GlueOptions.MODEL_OPTIONS,
                GlueOptions.DATA_OPTIONS, Set.of("--task"));
        GlueTask task = services.task(options.required("--task"));
        Scorer scorer = new Scorer(task, services);
        Dataset dataset = options.data().read(task, options.split(TaskRun.defaultDev(task)));
        if (!dataset.split().labelled()) {
            throw new IOException(task.name() + " " + dataset.split().name() + " has no gold labels to evaluate"
                    + " against; use glue-predict");
        }
        String name = options.required("--model");
        try (OpenedModel model = resolver.open(name, options.path(name), options.engine(), options.device())) {
            List<Prediction> predictions = FineTunedPredictions.predict(task, model, dataset,
                    options.maxLength(128), options.batchSize(64), context.err());
            Map<String, Double> metrics = scorer.score(predictions, dataset.examples());
            ObjectNode result = RunState.JSON.createObjectNode();
            result.put("task", task.name());
            result.put("split", dataset.split().name());
            result.put("examples", dataset.examples().size());
            result.put("problems", dataset.problems().size());
            metrics.forEach(result.putObject("metrics")::put);
            context.out().println(result.toString());
        }
        return 0;
    }
}
