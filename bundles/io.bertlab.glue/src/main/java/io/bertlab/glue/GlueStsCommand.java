package io.bertlab.glue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bertlab glue-sts}: zero-shot semantic similarity with sentence embeddings, no training. */
@Component(service = Command.class)
@CommandProperties(name = "glue-sts", summary = "Zero-shot STS: correlate embedding cosines with gold scores")
public class GlueStsCommand extends GlueCommand {

    public GlueStsCommand() {
        super("glue-sts");
    }

    private static final String NAME = "glue-sts";
    private static final String DEFAULT_MODEL = "minilm";
    private static final List<String> METRICS = List.of("pearson", "spearman");



    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab glue-sts [--task STS-B] [--model minilm] [--split dev] [--data DIR]... [options]",
                "",
                "Embeds each sentence of every pair with the model (mean of its tokens' last hidden states),",
                "scores the pair by the cosine of the two embeddings and reports the Pearson and Spearman",
                "correlations with the gold scores, without any training: the standard test of a sentence",
                "encoder. Works for any regression task over pairs (STS-B, ASSIN2-STS). Prints a table, or one",
                "JSON object with --format json; where a published score exists for the model, it is shown.",
                "",
                "Options:",
                "  --task NAME          a regression task over pairs (default STS-B)",
                GlueOptions.MODEL_HELP.replace("a named model", "a named model (default minilm, shipped)"),
                "  --split NAME         a labelled split (default dev)",
                "  --batch-size N       pairs per forward pass (default 32)",
                "  --max-length N       tokens per sentence (default 256, sentence-transformers' limit)",
                "  --format table|json  the output (default table)",
                GlueOptions.DATA_HELP,
                "",
                "Example: bertlab glue-sts --data ../shared/data/glue");
    }

    @Override
    int execute(CommandContext context) throws Exception {
        GlueOptions options = GlueOptions.parse(NAME, context, Set.of(), GlueOptions.MODEL_OPTIONS,
                GlueOptions.DATA_OPTIONS, Set.of("--task", "--format"));
        String format = options.arguments().value("--format").orElse("table");
        if (!format.equals("table") && !format.equals("json")) {
            throw new UsageException(NAME + ": --format is table or json, got '" + format + "'");
        }
        GlueTask task = services.task(options.arguments().value("--task").orElse("STS-B"));
        if (!(task.head() instanceof HeadSpec.Regression) || !task.pair()) {
            throw new UsageException(NAME + ": " + task.name() + " is not a similarity task (a regression over"
                    + " pairs, such as STS-B or ASSIN2-STS)");
        }
        Scorer scorer = new Scorer(METRICS, services);
        Dataset dataset = options.data().read(task, options.split("dev"));
        String modelName = options.model(DEFAULT_MODEL);
        Map<String, Double> metrics;
        try (OpenedModel model = resolver.open(modelName, options.path(modelName), options.engine(),
                options.device())) {
            ProgressBar bar = new ProgressBar(context.err(), task.name() + " " + dataset.split().name(),
                    dataset.examples().size());
            List<Prediction> predictions = new SentenceSimilarity(model.model(), model.tokenizer(),
                    options.maxLength(256)).score(dataset.examples(), options.batchSize(32), bar);
            bar.finish();
            metrics = scorer.score(predictions, dataset.examples());
        }
        String[] reference = reference(modelName, task.name());
        if (format.equals("json")) {
            printJson(context.out(), task, dataset, modelName, metrics, reference);
        } else {
            printTable(context.out(), task, dataset, modelName, metrics, reference);
        }
        return 0;
    }

    private static void printTable(PrintStream out, GlueTask task, Dataset dataset, String model,
            Map<String, Double> metrics, String[] reference) {
        out.printf(Locale.ROOT, "%s %s, %d pairs, model %s, zero-shot (cosine of mean-pooled embeddings)%n",
                task.name(), dataset.split().name(), dataset.examples().size(), model);
        out.printf(Locale.ROOT, "%-10s %8s   %s%n", "metric", "bertlab", "published");
        metrics.forEach((name, value) -> out.printf(Locale.ROOT, "%-10s %8.4f   %s%n", name, value,
                reference != null && reference[0].equals(name) ? reference[1] + "  " + reference[2] : "-"));
    }

    private static void printJson(PrintStream out, GlueTask task, Dataset dataset, String model,
            Map<String, Double> metrics, String[] reference) {
        ObjectNode result = RunState.JSON.createObjectNode();
        result.put("task", task.name());
        result.put("split", dataset.split().name());
        result.put("model", model);
        result.put("examples", dataset.examples().size());
        result.put("problems", dataset.problems().size());
        metrics.forEach(result.putObject("metrics")::put);
        if (reference != null) {
            ObjectNode published = result.putObject("published");
            published.put("metric", reference[0]);
            published.put("value", Double.parseDouble(reference[1]));
            published.put("source", reference[2]);
        }
        out.println(result.toString());
    }

    /** The published score for a shipped model and task: metric, value, source; null when none is known. */
    private static String[] reference(String model, String task) throws IOException {
        Properties references = new Properties();
        try (InputStream in = GlueStsCommand.class.getResourceAsStream("zero-shot-references.properties")) {
            if (in != null) {
                references.load(in);
            }
        }
        String entry = references.getProperty(model + "." + task);
        return entry == null ? null : entry.split("\\|", 3);
    }
}
