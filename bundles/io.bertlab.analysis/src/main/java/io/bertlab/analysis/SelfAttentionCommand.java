package io.bertlab.analysis;

import io.bertlab.api.analysis.SelfAttentionTrace;
import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.OutputFiles;
import io.bertlab.api.command.UsageException;
import java.nio.file.Path;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** {@code bertlab self-attention}: a toy multi-head self-attention, every step printed. */
@Component(service = Command.class)
@CommandProperties(name = "self-attention", summary = "Self-attention step by step on a seeded toy (for teaching)")
public class SelfAttentionCommand implements Command {

    private static final String NAME = "self-attention";
    /** Keeps the printed matrices readable on a terminal; larger toys are no longer a lesson. */
    private static final int MAX_SIZE = 64;

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab self-attention [--tokens 3] [--size 8] [--heads 2] [--seed 42] [--html FILE]",
                "",
                "Builds seeded random token vectors X (each row mean 0, variance 1, as after BERT's embedding",
                "LayerNorm) and seeded random projections W_Q, W_K, W_V, W_O (no biases), then prints every step of",
                "multi-head self-attention as labelled matrices: Q = X W_Q, K, V, per head Q_h K_h^T, the scores",
                "scaled by 1/sqrt(d/h), their row-wise softmax (row = attending token, column = attended token) and",
                "the weighted sum of V_h, the heads concatenated and projected by W_O. The same seed gives the",
                "same numbers; the pure-Java engine computes the same attention with these weights.",
                "",
                "Options:",
                "  --tokens N           sequence length (default 3)",
                "  --size D             model width (default 8)",
                "  --heads H            number of heads, dividing the width (default 2)",
                "  --seed N             seed of the input and the projections (default 42)",
                "  --html FILE          also write the steps as a self-contained HTML page",
                "",
                "Example: bertlab self-attention --tokens 4 --size 8 --heads 2 --seed 7 --html attention.html");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments arguments = Arguments.parse(NAME, context.arguments(), Set.of(),
                Set.of("--tokens", "--size", "--heads", "--seed", "--html"));
        if (!arguments.positional().isEmpty()) {
            throw new UsageException(NAME + ": unexpected argument '" + arguments.positional().get(0) + "'");
        }
        int tokens = arguments.intValue("--tokens", 3);
        int size = arguments.intValue("--size", 8);
        int heads = arguments.intValue("--heads", 2);
        long seed = seed(arguments);
        if (tokens < 1 || tokens > MAX_SIZE) {
            throw new UsageException(NAME + ": --tokens must be between 1 and " + MAX_SIZE + ", got " + tokens);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new UsageException(NAME + ": --size must be between 1 and " + MAX_SIZE + ", got " + size);
        }
        if (heads < 1 || size % heads != 0) {
            throw new UsageException(NAME + ": --heads must divide --size " + size + ", got " + heads);
        }
        Path html = arguments.value("--html").map(context::resolve).orElse(null);
        if (html != null) {
            OutputFiles.check(NAME, html);
        }
        SelfAttentionTracer.Weights weights = SelfAttentionTracer.weights(size, seed);
        SelfAttentionTrace trace = SelfAttentionTracer.trace(SelfAttentionTracer.input(tokens, size, seed), heads,
                weights);
        context.out().print(TraceReport.text(trace, weights, seed));
        if (html != null) {
            OutputFiles.write(NAME, html, TraceReport.html(trace, weights, seed));
            context.err().println(NAME + ": wrote " + html);
        }
        return 0;
    }

    private static long seed(Arguments arguments) throws UsageException {
        String value = arguments.value("--seed").orElse("42");
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(NAME + ": option --seed expects an integer, got '" + value + "'");
        }
    }
}
