package io.bertlab.glue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bertlab glue-train}: fine-tunes a model on one task, keeping the best dev checkpoint; resumable. */
@Component(service = Command.class)
@CommandProperties(name = "glue-train", summary = "Fine-tune a model on a GLUE task (or any installed task)")
public class GlueTrainCommand extends GlueCommand {

    public GlueTrainCommand() {
        super("glue-train");
    }

    static final String NAME = "glue-train";



    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab glue-train --task NAME --model NAME|DIR --output DIR [--data DIR]... [options]",
                "       bertlab glue-train --task NAME --output DIR --resume [--data DIR]...",
                "",
                "Fine-tunes the model on the task's train split as HF's run_glue does ([CLS] A [SEP] B [SEP],",
                "AdamW with warm-up and linear decay, clipping at 1.0, dropout in training only), in batches of",
                "examples of similar length padded to their longest. After each epoch it evaluates the dev split",
                "and keeps the best weights by the task's main metric in DIR/best (a model directory for",
                "glue-evaluate and glue-predict); DIR/last is the latest checkpoint, which --resume continues",
                "exactly where it stopped. Progress goes to standard error, a JSON summary to standard output.",
                "",
                "Options:",
                "  --task NAME          the task (see 'bertlab glue-tasks')",
                GlueOptions.MODEL_HELP,
                "  --output DIR         where best/, last/ and training.json go",
                "  --resume             continue the run in --output (its own model, engine and settings)",
                "  --dev-split NAME     the split evaluated after each epoch (default: dev, MNLI dev_matched)",
                GlueOptions.TRAINING_HELP,
                GlueOptions.DATA_HELP,
                "",
                "Example: bertlab glue-train --task RTE --model minilm --data glue_data --output runs/rte");
    }

    @Override
    int execute(CommandContext context) throws Exception {
        GlueOptions options = GlueOptions.parse(NAME, context, Set.of("--resume"), GlueOptions.MODEL_OPTIONS,
                GlueOptions.DATA_OPTIONS, GlueOptions.TRAINING_OPTIONS, Set.of("--task", "--output", "--dev-split"));
        try {
            GlueTask task = services.task(options.required("--task"));
            Path output = options.path(options.required("--output"));
            TaskRun run;
            if (options.arguments().has("--resume")) {
                if (options.hasTrainingOptions() || options.arguments().has("--model")) {
                    throw new UsageException(NAME + ": --resume continues with the run's own model and settings;"
                            + " leave out --model and the training options");
                }
                run = TaskRun.resume(task, output, options.device(), resolver);
            } else {
                String model = options.required("--model");
                TrainingSettings settings = options.training();
                try {
                    settings.head(task);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(NAME + ": " + e.getMessage());
                }
                run = TaskRun.start(task, output, settings, model, options.path(model), options.engine(),
                        options.device(), resolver);
            }
            try (OpenedModel model = run.model()) {
                RunState state = run.train(services, options.data(), options.arguments().value("--dev-split")
                        .orElse(null), context.err());
                ObjectNode summary = TaskRun.summary(state, output);
                context.out().println(summary.toString());
            }
            return 0;
        } catch (IOException e) {
            throw new CommandException(NAME + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(NAME + ": " + e.getMessage());
        }
    }
}
