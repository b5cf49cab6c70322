package io.bertlab.analysis.attribution;

import io.bertlab.api.analysis.Attribution;
import io.bertlab.api.analysis.AttributionMethod;
import io.bertlab.api.analysis.HtmlViews;
import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.OutputFiles;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.EngineProperties;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bertlab explain}: which tokens made a fine-tuned model answer as it did, by Integrated Gradients. */
@Component(service = Command.class)
@CommandProperties(name = "explain",
        summary = "Token attributions of a fine-tuned model's answer (Integrated Gradients)")
public class ExplainCommand implements Command {

    private static final String NAME = "explain";

    @Reference
    ModelResolver resolver;

    @Reference(target = "(" + AttributionMethod.METHOD + "=" + IntegratedGradients.NAME + ")")
    AttributionMethod method;

    @Reference
    HtmlViews views;

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab explain --model DIR [--label L] [--steps 50] [--method gauss-legendre|riemann]",
                "                       [--baseline pad|zero] [--format table|json] [--html FILE] TEXT [PAIR]",
                "",
                "Explains a fine-tuned model's answer for TEXT (or the pair TEXT, PAIR) by Integrated Gradients",
                "(Sundararajan et al. 2017) as transformers-interpret computes them: the gradient of the softmax",
                "probability of a class (the raw output of a regression head) is integrated along the straight path",
                "from a baseline to the input's word embeddings; each token's attribution is the sum over its",
                "embedding, printed L2-normalised over the tokens and raw. The raw attributions add up to the change",
                "of the output from the baseline to the input, up to the convergence delta, which is reported; when",
                "it exceeds 5 % of that change the command warns: use more steps.",
                "",
                "Options:",
                "  --model DIR          a model directory with a fine-tuned head and its glue.json, as glue-train",
                "                       writes it (required)",
                "  --engine NAME        java (default), pytorch, mxnet",
                "  --device NAME        cpu (default), gpu",
                "  --label L            the class to explain, by name or index (default: the predicted class)",
                "  --steps N            points on the path (default 50)",
                "  --method NAME        gauss-legendre (default) or riemann (the trapezoid rule, both ends included)",
                "  --baseline NAME      pad: [CLS] [PAD] ... [SEP], special tokens kept (default); zero: all-zero",
                "                       embeddings",
                "  --format table|json  the output (default table)",
                "  --html FILE          also write a word-importance page (green raised the output, red lowered it)",
                "",
                "Example: bertlab explain --model runs/SST-2/best \"a gorgeous, witty, seductive movie\"");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments arguments = Arguments.parse(NAME, context.arguments(), Set.of(), Set.of("--model", "--engine",
                "--device", "--label", "--steps", "--method", "--baseline", "--format", "--html"));
        String modelName = arguments.required("--model");
        if (arguments.positional().isEmpty() || arguments.positional().size() > 2) {
            throw new UsageException(NAME + ": give one text, or two for a pair");
        }
        String textA = arguments.positional().get(0);
        String textB = arguments.positional().size() == 2 ? arguments.positional().get(1) : null;
        AttributionMethod.Rule rule = switch (arguments.value("--method").orElse("gauss-legendre")) {
            case "gauss-legendre" -> AttributionMethod.Rule.GAUSS_LEGENDRE;
            case "riemann" -> AttributionMethod.Rule.RIEMANN_TRAPEZOID;
            default -> throw new UsageException(NAME + ": --method is gauss-legendre or riemann, got '"
                    + arguments.value("--method").orElseThrow() + "'");
        };
        AttributionMethod.Baseline baseline = switch (arguments.value("--baseline").orElse("pad")) {
            case "pad" -> AttributionMethod.Baseline.PAD_TOKENS;
            case "zero" -> AttributionMethod.Baseline.ZERO_EMBEDDINGS;
            default -> throw new UsageException(NAME + ": --baseline is pad or zero, got '"
                    + arguments.value("--baseline").orElseThrow() + "'");
        };
        int steps = arguments.intValue("--steps", 50);
        int fewest = rule == AttributionMethod.Rule.RIEMANN_TRAPEZOID ? 2 : 1;
        if (steps < fewest) {
            throw new UsageException(NAME + ": --steps must be at least " + fewest + " for " + arguments.value(
                    "--method").orElse("gauss-legendre") + ", got " + steps);
        }
        String format = arguments.value("--format").orElse("table");
        if (!format.equals("table") && !format.equals("json")) {
            throw new UsageException(NAME + ": --format is table or json, got '" + format + "'");
        }
        Path html = arguments.value("--html").map(context::resolve).orElse(null);
        if (html != null) {
            OutputFiles.check(NAME, html);
        }
        Explanation explanation;
        try (OpenedModel opened = resolver.open(modelName, context.resolve(modelName),
                arguments.value("--engine").orElse(EngineProperties.JAVA),
                arguments.value("--device").orElse(EngineProperties.CPU))) {
            FineTunedModel fineTuned = FineTunedModel.read(NAME, opened.directory());
            Tokenizer tokenizer = opened.tokenizer();
            int positions = opened.model().config().maxPositionEmbeddings();
            EncodeOptions plain = EncodeOptions.of(true, null, null);
            Encoding untruncated = textB == null ? tokenizer.encode(textA, plain)
                    : tokenizer.encodePair(textA, textB, plain);
            if (untruncated.length() > positions && positions < IntegratedGradients.MAX_LENGTH) {
                throw new CommandException(NAME + ": the input has " + untruncated.length() + " tokens, more than the"
                        + " model's " + positions + " positions");
            }
            if (untruncated.length() > IntegratedGradients.MAX_LENGTH) {
                context.err().println(NAME + ": the input has " + untruncated.length() + " tokens; truncated to "
                        + IntegratedGradients.MAX_LENGTH);
            }
            try (TrainingSession session = opened.model().openSession(new TrainingSpec(List.of(fineTuned.head()),
                    null, 0))) {
                float[] outputs = outputs(session, tokenizer, textA, textB);
                int predicted = fineTuned.regression() ? 0 : argmax(outputs);
                int index = fineTuned.regression() ? 0 : label(arguments, fineTuned, predicted);
                if (fineTuned.regression() && arguments.has("--label")) {
                    throw new CommandException(NAME + ": --label does not apply: " + opened.directory()
                            + " holds a regression head (" + fineTuned.task() + ")");
                }
                Attribution attribution = method.attribute(session, tokenizer, textA, textB,
                        new OutputSelector(FineTunedModel.HEAD, index), baseline, rule, steps);
                explanation = new Explanation(opened.directory(), fineTuned, outputs, predicted, attribution, rule,
                        baseline);
            }
        } catch (IOException e) {
            throw new CommandException(NAME + ": " + e.getMessage(), e);
        }
        context.out().print(format.equals("json") ? ExplainReport.json(explanation) + "\n"
                : ExplainReport.table(explanation));
        Attribution attribution = explanation.attribution();
        if (!attribution.converged()) {
            context.err().println(String.format(Locale.ROOT, "%s: warning: the convergence delta is %.1f %% of the"
                    + " output's change (more than %.0f %%): the attributions are not trustworthy yet; use more"
                    + " --steps (e.g. %d)", NAME, 100 * attribution.relativeConvergenceDelta(),
                    100 * Attribution.CONVERGENCE_TOLERANCE, 4 * steps));
        }
        if (html != null) {
            OutputFiles.write(NAME, html, views.wordImportance(attribution));
            context.err().println(NAME + ": wrote " + html);
        }
        return 0;
    }

    /** The head's outputs for the input as it is explained (the same encoding). */
    private static float[] outputs(TrainingSession session, Tokenizer tokenizer, String textA, String textB) {
        Encoding encoding = IntegratedGradients.encode(tokenizer, textA, textB);
        int[] mask = new int[encoding.length()];
        Arrays.fill(mask, 1);
        Tensor logits = session.evaluate(new Batch(new int[][] {encoding.ids()}, new int[][] {encoding.typeIds()},
                new int[][] {mask}), null).logits().get(FineTunedModel.HEAD);
        return logits.vector(0);
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int label(Arguments arguments, FineTunedModel model, int predicted) throws CommandException {
        if (!arguments.has("--label")) {
            return predicted;
        }
        String label = arguments.value("--label").orElseThrow();
        int index = model.labels().indexOf(label);
        if (index < 0 && label.matches("\\d+")) {
            index = Integer.parseInt(label);
        }
        if (index < 0 || index >= model.labels().size()) {
            throw new CommandException(NAME + ": --label " + label + " is not one of the head's labels "
                    + model.labels() + " (or their indices 0-" + (model.labels().size() - 1) + ")");
        }
        return index;
    }

    /** What the command found, for the report. */
    record Explanation(Path model, FineTunedModel head, float[] outputs, int predicted, Attribution attribution,
            AttributionMethod.Rule rule, AttributionMethod.Baseline baseline) {
    }
}
