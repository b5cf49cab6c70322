package io.bertlab.glue;

import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Split;
import io.bertlab.api.model.HeadSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bertlab glue-tasks}: the installed tasks, their labels, metrics and splits, and which data is there. */
@Component(service = Command.class)
@CommandProperties(name = "glue-tasks", summary = "List the installed GLUE (and other) tasks and the data found")
public class GlueTasksCommand extends GlueCommand {

    public GlueTasksCommand() {
        super("glue-tasks");
    }

    private static final String NAME = "glue-tasks";


    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab glue-tasks [--data DIR]...",
                "",
                "Lists every installed task (each a plugin: GLUE's come with the 'glue' feature, others from their",
                "own bundles): whether it takes pairs, its labels or regression, its metrics (the first ranks),",
                "and for each split whether its file is in a --data folder (+) or not (-).",
                "",
                "Options:",
                GlueOptions.DATA_HELP);
    }

    @Override
    int execute(CommandContext context) throws Exception {
        GlueOptions options = GlueOptions.parse(NAME, context, Set.of(), Set.of("--data"));
        DataRoots roots = options.data().roots();
        PrintStream out = context.out();
        out.printf("%-11s %-6s %-40s %-28s %s%n", "TASK", "INPUT", "LABELS", "METRICS", "SPLITS (+ data found)");
        for (GlueTask task : services.tasks()) {
            Optional<Path> folder = roots.find(task);
            String splits = task.splits().stream().map(split -> split.name() + (found(folder, split) ? "+" : "-"))
                    .collect(Collectors.joining(" "));
            String labels = task.head() instanceof HeadSpec.Regression ? "regression" : String.join(",",
                    task.labels());
            out.printf("%-11s %-6s %-40s %-28s %s%n", task.name(), task.pair() ? "pair" : "single", labels,
                    String.join(",", task.metrics()), splits);
        }
        return 0;
    }

    private static boolean found(Optional<Path> folder, Split split) {
        return folder.map(f -> Files.isRegularFile(f.resolve(split.fileName()))).orElse(false);
    }
}
