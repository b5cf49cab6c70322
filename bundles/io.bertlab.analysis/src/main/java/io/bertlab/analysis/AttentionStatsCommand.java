package io.bertlab.analysis;

import io.bertlab.api.analysis.HeadStatistics;
import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.FileErrors;
import io.bertlab.api.command.OutputFiles;
import io.bertlab.api.command.TextLines;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.EngineProperties;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bertlab attention-stats}: per-head attention patterns of a model over a file of texts. */
@Component(service = Command.class)
@CommandProperties(name = "attention-stats",
        summary = "Per-head attention patterns of a model over texts (Clark et al. 2019)")
public class AttentionStatsCommand implements Command {

    private static final String NAME = "attention-stats";

    @Reference
    ModelResolver resolver;

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab attention-stats --model NAME|DIR --input FILE [--format table|json] [options]",
                "",
                "Runs the model on every text of FILE (one per line, UTF-8; a tab splits a line into a pair A, B),",
                "keeps every layer's attention probabilities and prints, for each head, the mean attention to the",
                "previous, next and same token, to [CLS], to [SEP] and to punctuation, and the mean entropy of its",
                "rows in nats (smoothed 0.9999 p + 0.0001/n) beside ln n, the entropy of uniform attention, as in",
                "Clark et al. 2019, \"What Does BERT Look At?\". Row i of a head is token i attending; columns are",
                "the tokens attended. Each text counts once in the means. Heads are classed broad (entropy > 3.8),",
                "previous/next (> 0.5), cls/sep/punctuation (> 0.6). Texts longer than the model's positions are",
                "truncated, and the command says how many were.",
                "",
                "Options:",
                "  --model NAME|DIR     a named model (see 'bertlab models') or a model directory (required)",
                "  --engine NAME        engine for a model directory: java (default), pytorch, mxnet",
                "  --device NAME        device for a model directory: cpu (default), gpu",
                "  --input FILE         the texts, one per line; empty lines are skipped (required)",
                "  --limit N            only the first N texts",
                "  --format table|json  the output (default table)",
                "  --output FILE        write the result to FILE instead of standard output",
                "",
                "Example: bertlab attention-stats --model minilm --input sentences.txt --format json");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments arguments = Arguments.parse(NAME, context.arguments(), Set.of(),
                Set.of("--model", "--engine", "--device", "--input", "--limit", "--format", "--output"));
        if (!arguments.positional().isEmpty()) {
            throw new UsageException(NAME + ": unexpected argument '" + arguments.positional().get(0) + "'");
        }
        String modelName = arguments.required("--model");
        Path input = context.resolve(arguments.required("--input"));
        String format = arguments.value("--format").orElse("table");
        if (!format.equals("table") && !format.equals("json")) {
            throw new UsageException(NAME + ": --format is table or json, got '" + format + "'");
        }
        int limit = arguments.intValue("--limit", Integer.MAX_VALUE);
        if (limit < 1) {
            throw new UsageException(NAME + ": --limit must be at least 1, got " + limit);
        }
        Path output = arguments.value("--output").map(context::resolve).orElse(null);
        if (output != null) {
            OutputFiles.check(NAME, output);
        }
        List<String> texts = texts(input, limit);
        List<HeadStatistics> statistics;
        try (OpenedModel opened = resolver.open(modelName, context.resolve(modelName),
                arguments.value("--engine").orElse(EngineProperties.JAVA),
                arguments.value("--device").orElse(EngineProperties.CPU))) {
            statistics = analyze(opened.model(), opened.tokenizer(), texts, context.err());
        } catch (IOException e) {
            throw new CommandException(NAME + ": " + e.getMessage(), e);
        }
        String result = format.equals("json") ? StatisticsReport.json(statistics, texts.size()) + "\n"
                : StatisticsReport.table(statistics, texts.size());
        if (output == null) {
            context.out().print(result);
        } else {
            OutputFiles.write(NAME, output, result);
            context.err().println(NAME + ": wrote " + output);
        }
        return 0;
    }

    /**
     * Captures every text's attention and reduces them to per-head statistics; reports truncated texts on
     * {@code err}.
     *
     * @param model the model
     * @param tokenizer its tokenizer
     * @param texts the texts; a tab splits one into a pair
     * @param err where the truncation notice goes
     * @return the statistics of every head, layer-major
     */
    static List<HeadStatistics> analyze(Model model, Tokenizer tokenizer, List<String> texts, PrintStream err) {
        int positions = model.config().maxPositionEmbeddings();
        HeadPatternStatistics.Accumulator statistics = new HeadPatternStatistics.Accumulator();
        int truncated = 0;
        for (String text : texts) {
            int tab = text.indexOf('\t');
            String a = tab < 0 ? text : text.substring(0, tab);
            String b = tab < 0 ? null : text.substring(tab + 1);
            if (EngineAttentionCapture.untruncatedLength(tokenizer, a, b) > positions) {
                truncated++;
            }
            Encoding encoding = EngineAttentionCapture.encode(model, tokenizer, a, b);
            statistics.add(EngineAttentionCapture.capture(model, encoding));
        }
        if (truncated > 0) {
            err.println(NAME + ": " + truncated + " of " + texts.size() + " texts were longer than the model's "
                    + positions + " positions and were truncated to them");
        }
        return statistics.result();
    }

    private static List<String> texts(Path input, int limit) throws CommandException {
        List<String> texts = new ArrayList<>();
        try {
            for (String line : TextLines.readAll(input)) {
                if (!line.isBlank() && texts.size() < limit) {
                    texts.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new CommandException(NAME + ": " + FileErrors.describe(input, e), e);
        }
        if (texts.isEmpty()) {
            throw new CommandException(NAME + ": " + input + ": no texts (the file has no non-empty line)");
        }
        return texts;
    }
}
