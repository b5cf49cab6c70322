package io.bertlab.analysis;

import io.bertlab.api.analysis.AttentionMap;
import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.OutputFiles;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.EngineProperties;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.api.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bertlab attention-view}: a BertViz-style head or model view of one input, as a self-contained page. */
@Component(service = Command.class)
@CommandProperties(name = "attention-view", summary = "Write a BertViz-style attention view of one input as HTML")
public class AttentionViewCommand implements Command {

    private static final String NAME = "attention-view";

    @Reference
    ModelResolver resolver;

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab attention-view --model NAME|DIR --output FILE [--view head|model] TEXT [PAIR]",
                "",
                "Runs the model on TEXT (or the pair TEXT, PAIR), keeps every layer's attention and writes one",
                "self-contained HTML page (no network; script and styles inline), as BertViz draws them. The head",
                "view shows one layer at a time, a colour per head, with lines from each attending token (left)",
                "to the tokens it attends to (right), opacity the weight; hovering a token keeps only its lines.",
                "The model view shows every layer and head in miniature. Texts longer than the model's positions",
                "are truncated, and the command says so.",
                "",
                "Options:",
                "  --model NAME|DIR     a named model (see 'bertlab models') or a model directory (required)",
                "  --engine NAME        engine for a model directory: java (default), pytorch, mxnet",
                "  --device NAME        device for a model directory: cpu (default), gpu",
                "  --view head|model    which view (default head)",
                "  --output FILE        the page to write (required)",
                "",
                "Example: bertlab attention-view --model minilm --output view.html \"The cat sat.\" \"It was happy.\"");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments arguments = Arguments.parse(NAME, context.arguments(), Set.of(),
                Set.of("--model", "--engine", "--device", "--view", "--output"));
        String modelName = arguments.required("--model");
        Path output = context.resolve(arguments.required("--output"));
        String view = arguments.value("--view").orElse("head");
        if (!view.equals("head") && !view.equals("model")) {
            throw new UsageException(NAME + ": --view is head or model, got '" + view + "'");
        }
        if (arguments.positional().isEmpty() || arguments.positional().size() > 2) {
            throw new UsageException(NAME + ": give one text, or two for a pair");
        }
        String textA = arguments.positional().get(0);
        String textB = arguments.positional().size() == 2 ? arguments.positional().get(1) : null;
        OutputFiles.check(NAME, output);
        AttentionMap map;
        try (OpenedModel opened = resolver.open(modelName, context.resolve(modelName),
                arguments.value("--engine").orElse(EngineProperties.JAVA),
                arguments.value("--device").orElse(EngineProperties.CPU))) {
            Model model = opened.model();
            Tokenizer tokenizer = opened.tokenizer();
            int length = EngineAttentionCapture.untruncatedLength(tokenizer, textA, textB);
            int positions = model.config().maxPositionEmbeddings();
            if (length > positions) {
                context.err().println(NAME + ": the input has " + length + " tokens; truncated to the model's "
                        + positions + " positions");
            }
            map = EngineAttentionCapture.capture(model, EngineAttentionCapture.encode(model, tokenizer, textA, textB));
        } catch (IOException e) {
            throw new CommandException(NAME + ": " + e.getMessage(), e);
        }
        BertVizViews views = new BertVizViews();
        OutputFiles.write(NAME, output, view.equals("head") ? views.headView(map) : views.modelView(map));
        context.err().println(NAME + ": wrote " + output + " (" + map.tokens().length + " tokens, " + map.layers()
                + " layers of " + map.heads() + " heads)");
        return 0;
    }
}
