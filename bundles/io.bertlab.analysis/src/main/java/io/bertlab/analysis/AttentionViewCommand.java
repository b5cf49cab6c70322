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
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.model.bert.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code bertlab attention-view}: a BertViz-style head, model or neuron view of one input, as a self-contained page.
 */
@Component(service = Command.class)
@CommandProperties(name = "attention-view", summary = "Write a BertViz-style attention view of one input as HTML")
public class AttentionViewCommand implements Command {

    private static final String NAME = "attention-view";

    @Reference
    ModelResolver resolver;

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab attention-view --model NAME|DIR --output FILE [--view head|model|neuron]",
                "                              [--layer L] [--head H] TEXT [PAIR]",
                "",
                "Runs the model on TEXT (or the pair TEXT, PAIR), keeps every layer's attention and writes one",
                "self-contained HTML page (no network; script and styles inline), as BertViz draws them. The head",
                "view shows one layer at a time, a colour per head, with lines from each attending token (left)",
                "to the tokens it attends to (right), opacity the weight; hovering a token keeps only its lines.",
                "The model view shows every layer and head in miniature. The neuron view shows layer L: for the",
                "query token clicked on the left and head H (a selector switches heads), each key token's key",
                "vector, its elementwise product with the query vector, the score q.k/sqrt(d) and the softmax",
                "weight. Its queries and keys are computed from the layer's input and the checkpoint's weights, and",
                "their softmax is checked against the engine's own attention (within 1e-5); where it disagrees the",
                "page says so and shows no vectors, and the command ends with status 1. Texts longer than the",
                "model's positions are truncated, and the command says so.",
                "",
                "Options:",
                "  --model NAME|DIR     a named model (see 'bertlab models') or a model directory (required)",
                "  --engine NAME        engine for a model directory: java (default), pytorch, mxnet",
                "  --device NAME        device for a model directory: cpu (default), gpu",
                "  --view head|model|neuron  which view (default head)",
                "  --layer L            the neuron view's layer, from 0 (default 0)",
                "  --head H             the neuron view's first head, from 0 (default 0)",
                "  --output FILE        the page to write (required)",
                "",
                "Example: bertlab attention-view --model minilm --output view.html \"The cat sat.\" \"It was happy.\"",
                "         bertlab attention-view --model minilm --output neuron.html --view neuron --layer 2 --head 5 \\",
                "             \"The cat sat.\" \"It was happy.\"");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments arguments = Arguments.parse(NAME, context.arguments(), Set.of(),
                Set.of("--model", "--engine", "--device", "--view", "--output", "--layer", "--head"));
        String modelName = arguments.required("--model");
        Path output = context.resolve(arguments.required("--output"));
        String view = arguments.value("--view").orElse("head");
        if (!view.equals("head") && !view.equals("model") && !view.equals("neuron")) {
            throw new UsageException(NAME + ": --view is head, model or neuron, got '" + view + "'");
        }
        boolean neuron = view.equals("neuron");
        if (!neuron && (arguments.has("--layer") || arguments.has("--head"))) {
            throw new UsageException(NAME + ": --layer and --head go with --view neuron");
        }
        int layer = arguments.intValue("--layer", 0);
        int head = arguments.intValue("--head", 0);
        if (arguments.positional().isEmpty() || arguments.positional().size() > 2) {
            throw new UsageException(NAME + ": give one text, or two for a pair");
        }
        String textA = arguments.positional().get(0);
        String textB = arguments.positional().size() == 2 ? arguments.positional().get(1) : null;
        OutputFiles.check(NAME, output);
        AttentionMap map = null;
        NeuronView neuronView = null;
        try (OpenedModel opened = resolver.open(modelName, context.resolve(modelName),
                arguments.value("--engine").orElse(EngineProperties.JAVA),
                arguments.value("--device").orElse(EngineProperties.CPU))) {
            Model model = opened.model();
            ModelConfig config = model.config();
            if (neuron) {
                checkRange("--layer", layer, config.numHiddenLayers(), "layers");
                checkRange("--head", head, config.numAttentionHeads(), "heads");
            }
            Tokenizer tokenizer = opened.tokenizer();
            int length = EngineAttentionCapture.untruncatedLength(tokenizer, textA, textB);
            int positions = config.maxPositionEmbeddings();
            if (length > positions) {
                context.err().println(NAME + ": the input has " + length + " tokens; truncated to the model's "
                        + positions + " positions");
            }
            Encoding encoding = EngineAttentionCapture.encode(model, tokenizer, textA, textB);
            if (neuron) {
                // the engine's own weights are not reachable through the Model contract: read the checkpoint it
                // was loaded from
                ModelDirectory.Checkpoint checkpoint = ModelDirectory.load(opened.directory());
                ModelConfig stored = checkpoint.config();
                if (stored.hiddenSize() != config.hiddenSize() || stored.numHiddenLayers() != config.numHiddenLayers()
                        || stored.numAttentionHeads() != config.numAttentionHeads()) {
                    throw new CommandException(NAME + ": the checkpoint in " + opened.directory()
                            + " does not have the loaded model's shape (hidden size, layers, heads)");
                }
                try {
                    neuronView = NeuronCapture.capture(model, encoding, checkpoint.weights(), layer, head);
                } catch (IllegalArgumentException e) {
                    throw new CommandException(NAME + ": " + opened.directory() + ": " + e.getMessage(), e);
                }
            } else {
                map = EngineAttentionCapture.capture(model, encoding);
            }
        } catch (IOException e) {
            throw new CommandException(NAME + ": " + e.getMessage(), e);
        }
        BertVizViews views = new BertVizViews();
        if (neuronView != null) {
            OutputFiles.write(NAME, output, views.neuronView(neuronView));
            String deviation = String.format(Locale.ROOT, "%.1e", neuronView.deviation());
            if (!neuronView.agrees()) {
                throw new CommandException(NAME + ": wrote " + output + ", but the checkpoint's query and key "
                        + "vectors do not reproduce the engine's attention in layer " + layer + " (largest difference "
                        + deviation + ", allowed " + String.format(Locale.ROOT, "%.0e", NeuronView.TOLERANCE)
                        + "); the page says so and shows no vectors");
            }
            context.err().println(NAME + ": wrote " + output + " (" + neuronView.tokens().length + " tokens, layer "
                    + layer + ", " + neuronView.heads() + " heads of size " + neuronView.headSize()
                    + "; softmax(q.k/sqrt(d)) equals the engine's attention within " + deviation + ")");
            return 0;
        }
        OutputFiles.write(NAME, output, view.equals("head") ? views.headView(map) : views.modelView(map));
        context.err().println(NAME + ": wrote " + output + " (" + map.tokens().length + " tokens, " + map.layers()
                + " layers of " + map.heads() + " heads)");
        return 0;
    }

    /** A layer or head outside the model is a usage error, named with the valid range. */
    private static void checkRange(String option, int value, int count, String what) throws UsageException {
        if (value < 0 || value >= count) {
            throw new UsageException(NAME + ": " + option + " " + value + " is out of range: the model has " + count
                    + " " + what + ", 0 to " + (count - 1));
        }
    }
}
