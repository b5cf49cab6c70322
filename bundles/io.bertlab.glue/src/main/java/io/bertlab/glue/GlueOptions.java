package io.bertlab.glue;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.EngineProperties;
import io.bertlab.api.model.HeadSpec;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The options the GLUE commands share, spelled and checked in one place: {@code --task}, {@code --model},
 * {@code --engine}, {@code --device}, {@code --data} (repeatable), {@code --split}, {@code --batch-size},
 * {@code --max-length}, {@code --strict}, and the training options.
 */
final class GlueOptions {

    static final Set<String> MODEL_OPTIONS = Set.of("--model", "--engine", "--device");
    static final Set<String> DATA_OPTIONS = Set.of("--data", "--split", "--batch-size", "--max-length");
    static final Set<String> TRAINING_OPTIONS = Set.of("--epochs", "--lr", "--seed", "--warmup", "--weight-decay",
            "--save-steps", "--pooling", "--head");

    static final String DATA_HELP = String.join("\n",
            "  --data DIR           a folder holding task folders (GLUE's RTE/, STS-B/, ...; ASSIN2's assin2/);",
            "                       repeat to search several, in order (default: the working directory)",
            "  --strict             stop at the first malformed row instead of reporting and skipping it");
    static final String MODEL_HELP = String.join("\n",
            "  --model NAME|DIR     a named model (see 'bertlab models') or a model directory",
            "  --engine NAME        engine for a model directory: java (default), pytorch, mxnet",
            "  --device NAME        device for a model directory (default cpu)");
    static final String TRAINING_HELP = String.join("\n",
            "  --epochs N           passes over the training set (default 3)",
            "  --lr RATE            AdamW's peak learning rate (default 2e-5)",
            "  --batch-size N       examples per step (default 32)",
            "  --max-length N       tokens per example, longest-first truncation (default 128)",
            "  --seed N             head initialisation, dropout and batch order (default 42)",
            "  --warmup RATIO       fraction of steps of linear warm-up before linear decay (default 0.1)",
            "  --weight-decay W     AdamW's decoupled weight decay, not on biases and LayerNorm (default 0.01)",
            "  --save-steps N       also checkpoint every N steps (default: at the end of each epoch)",
            "  --pooling MODE       what the head reads: pooler (BERT's, as HF's run_glue), mean (of the tokens,",
            "                       as sentence encoders pool) or auto (default: the pooler where the model has",
            "                       one, else the mean)",
            "  --head KIND          dense (default: [CLS] A [SEP] B [SEP] pooled, then a dense layer, as HF's",
            "                       run_glue) or cosine (similarity tasks: each text encoded alone, the cosine of",
            "                       their mean embeddings trained toward score/5, as sentence-transformers'",
            "                       CosineSimilarityLoss; a suite uses it for STS-B and ASSIN2-STS only)");

    private final String command;
    private final Arguments arguments;
    private final CommandContext context;

    private GlueOptions(String command, Arguments arguments, CommandContext context) {
        this.command = command;
        this.arguments = arguments;
        this.context = context;
    }

    /** Parses a command line with the given flags and the valued options of the given groups. */
    @SafeVarargs
    static GlueOptions parse(String command, CommandContext context, Set<String> flags, Set<String>... valued)
            throws UsageException {
        Set<String> all = new HashSet<>();
        for (Set<String> group : valued) {
            all.addAll(group);
        }
        Set<String> allFlags = new HashSet<>(flags);
        allFlags.add("--strict");
        Arguments arguments = Arguments.parse(command, context.arguments(), allFlags, all);
        if (!arguments.positional().isEmpty()) {
            throw new UsageException(command + ": unexpected argument '" + arguments.positional().get(0)
                    + "' (options start with --; see '" + command + " --help')");
        }
        return new GlueOptions(command, arguments, context);
    }

    Arguments arguments() {
        return arguments;
    }

    String required(String option) throws UsageException {
        return arguments.required(option);
    }

    String model(String fallback) {
        return arguments.value("--model").orElse(fallback);
    }

    String engine() {
        return arguments.value("--engine").orElse(EngineProperties.JAVA);
    }

    String device() {
        return arguments.value("--device").orElse(EngineProperties.CPU);
    }

    Path path(String argument) {
        return context.resolve(argument);
    }

    TaskData data() {
        List<String> folders = arguments.values("--data");
        List<Path> roots = folders.isEmpty() ? List.of(context.workingDirectory())
                : folders.stream().map(context::resolve).toList();
        return new TaskData(new DataRoots(roots), arguments.has("--strict"), context.err());
    }

    String split(String fallback) {
        return arguments.value("--split").orElse(fallback);
    }

    int batchSize(int fallback) throws UsageException {
        int size = arguments.intValue("--batch-size", fallback);
        if (size < 1) {
            throw new UsageException(command + ": --batch-size must be at least 1");
        }
        return size;
    }

    int maxLength(int fallback) throws UsageException {
        int length = arguments.intValue("--max-length", fallback);
        if (length < 3) {
            throw new UsageException(command + ": --max-length must be at least 3");
        }
        return length;
    }

    /** The training settings: defaults overridden by the options given. */
    TrainingSettings training() throws UsageException {
        TrainingSettings d = TrainingSettings.DEFAULTS;
        try {
            return new TrainingSettings(arguments.intValue("--epochs", d.epochs()), decimal("--lr", d.learningRate()),
                    arguments.intValue("--batch-size", d.batchSize()), arguments.intValue("--max-length",
                            d.maxLength()), seed(d.seed()), decimal("--warmup",
                                    d.warmupRatio()), decimal("--weight-decay", d.weightDecay()),
                    arguments.intValue("--save-steps", d.saveSteps()), pooling(), head());
        } catch (IllegalArgumentException e) {
            throw new UsageException(command + ": " + e.getMessage());
        }
    }

    /** {@code --pooling}: {@code null} for auto (decided once the model is open). */
    private HeadSpec.Pooling pooling() throws UsageException {
        String value = arguments.value("--pooling").orElse("auto");
        switch (value) {
            case "auto":
                return null;
            case "pooler":
                return HeadSpec.Pooling.POOLER;
            case "mean":
                return HeadSpec.Pooling.MEAN;
            default:
                throw new UsageException(command + ": --pooling expects auto, pooler or mean, got '" + value + "'");
        }
    }

    /** {@code --head}: dense (the default) or cosine. */
    private HeadKind head() throws UsageException {
        String value = arguments.value("--head").orElse("dense");
        return switch (value) {
            case "dense" -> HeadKind.DENSE;
            case "cosine" -> HeadKind.COSINE;
            default -> throw new UsageException(command + ": --head expects dense or cosine, got '" + value + "'");
        };
    }

    /** Whether any training option was given (a resumed run keeps its own). */
    boolean hasTrainingOptions() {
        return TRAINING_OPTIONS.stream().anyMatch(arguments::has) || arguments.has("--batch-size")
                || arguments.has("--max-length");
    }

    private long seed(long fallback) throws UsageException {
        String value = arguments.value("--seed").orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --seed needs a whole number, got '" + value + "'");
        }
    }

    private double decimal(String option, double fallback) throws UsageException {
        String value = arguments.value(option).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": " + option + " needs a number, got '" + value + "'");
        }
    }
}
