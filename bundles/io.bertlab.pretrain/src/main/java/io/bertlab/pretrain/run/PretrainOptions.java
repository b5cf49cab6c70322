package io.bertlab.pretrain.run;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.EngineProperties;
import io.bertlab.pretrain.InstalledTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The options of {@code bertlab pretrain}, parsed and checked for form (exit status 2 when wrong). */
final class PretrainOptions {

    static final String NAME = "pretrain";

    static final Set<String> SCRATCH = Set.of("--tokenizer", "--layers", "--hidden", "--heads", "--intermediate",
            "--max-positions");
    static final Set<String> TRAINING = Set.of("--instances", "--eval-instances", "--model", "--engine", "--steps",
            "--epochs", "--batch-size", "--lr", "--warmup", "--weight-decay", "--save-steps", "--eval-steps",
            "--log-steps", "--seed", "--tasks", "--remask");

    private final CommandContext call;
    private final Arguments arguments;

    private PretrainOptions(CommandContext call, Arguments arguments) {
        this.call = call;
        this.arguments = arguments;
    }

    static PretrainOptions parse(CommandContext call) throws UsageException {
        java.util.Set<String> valued = new java.util.HashSet<>(SCRATCH);
        valued.addAll(TRAINING);
        valued.add("--output");
        valued.add("--device");
        Arguments arguments = Arguments.parse(NAME, call.arguments(), Set.of("--resume"), valued);
        if (!arguments.positional().isEmpty()) {
            throw new UsageException(NAME + ": unexpected argument '" + arguments.positional().get(0) + "'");
        }
        PretrainOptions options = new PretrainOptions(call, arguments);
        if (arguments.has("--resume")) {
            for (String option : valued) {
                if (!option.equals("--output") && !option.equals("--device") && arguments.has(option)) {
                    throw new UsageException(NAME + ": --resume continues with the run's own model, data and settings;"
                            + " leave out " + option);
                }
            }
        } else {
            arguments.required("--instances");
            boolean scratch = SCRATCH.stream().anyMatch(arguments::has);
            if (arguments.has("--model") == scratch) {
                throw new UsageException(NAME + ": start from --model NAME|DIR, or from scratch with --tokenizer FILE"
                        + " --layers L --hidden H --heads A (one or the other)");
            }
            if (scratch) {
                for (String option : List.of("--tokenizer", "--layers", "--hidden", "--heads")) {
                    arguments.required(option);
                }
            }
        }
        arguments.required("--output");
        return options;
    }

    boolean resume() {
        return arguments.has("--resume");
    }

    boolean scratch() {
        return arguments.has("--tokenizer");
    }

    Path output() throws UsageException {
        return call.resolve(arguments.required("--output"));
    }

    Path path(String option) throws UsageException {
        return call.resolve(arguments.required(option));
    }

    Optional<String> value(String option) {
        return arguments.value(option);
    }

    String device() {
        return arguments.value("--device").orElse(EngineProperties.CPU);
    }

    int integer(String option, int fallback) throws UsageException {
        return arguments.intValue(option, fallback);
    }

    /** The settings of a new run; the model is filled in once known. */
    PretrainSettings settings(String model) throws UsageException {
        List<String> tasks = InstalledTasks.names(arguments.value("--tasks").orElse("mlm,nsp"));
        boolean steps = arguments.has("--steps");
        try {
            Path eval = arguments.has("--eval-instances") ? path("--eval-instances") : null;
            return new PretrainSettings(tasks, path("--instances").toString(), eval == null ? null : eval.toString(),
                    model, arguments.value("--engine").orElse(EngineProperties.JAVA), device(),
                    integer("--batch-size", 32), decimal("--lr", 1e-4), decimal("--warmup", 0.01),
                    decimal("--weight-decay", 0.01), integer("--steps", 0),
                    integer("--epochs", steps ? 0 : 1), integer("--save-steps", 500), integer("--eval-steps", 500),
                    integer("--log-steps", 10), longValue("--seed", 42), decimal("--remask", 0));
        } catch (IllegalArgumentException e) {
            throw new UsageException(NAME + ": " + e.getMessage());
        }
    }

    private double decimal(String option, double fallback) throws UsageException {
        String text = arguments.value(option).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(NAME + ": " + option + " expects a number, not '" + text + "'");
        }
    }

    private long longValue(String option, long fallback) throws UsageException {
        String text = arguments.value(option).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(NAME + ": " + option + " expects an integer, not '" + text + "'");
        }
    }
}
