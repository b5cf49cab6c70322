package io.bertlab.pretrain;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.FileErrors;
import io.bertlab.api.command.OutputFiles;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.pretrain.PretrainingTask;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerProperties;
import io.bertlab.api.tokenizer.TokenizerResolver;
import io.bertlab.model.bert.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code bertlab pretraining-data}: Masked LM + Next Sentence Prediction instances from plain text, as Google's
 * {@code create_pretraining_data.py} makes them, written as JSON lines ({@link InstanceFiles}).
 */
@Component(service = Command.class)
@CommandProperties(name = "pretraining-data",
        summary = "Make Masked LM + NSP pre-training instances from text, as Google's create_pretraining_data.py")
public class PretrainingDataCommand implements Command {

    private static final String NAME = "pretraining-data";

    @Reference(target = "(" + TokenizerProperties.IMPLEMENTATION + "=" + TokenizerProperties.IMPLEMENTATION_BERTLAB
            + ")")
    private TokenizerLoader loader;

    @Reference
    private TokenizerResolver resolver;

    private final InstalledTasks tasks = new InstalledTasks();

    /** For Declarative Services. */
    public PretrainingDataCommand() {
    }

    /**
     * A command outside OSGi, reading tokenizer files only.
     *
     * @param loader the loader for {@code vocab.txt} and {@code tokenizer.json}
     */
    public PretrainingDataCommand(TokenizerLoader loader) {
        this(loader, (nameOrFile, file) -> loader.load(file));
    }

    /**
     * A command outside OSGi, reading tokenizer files only, with pre-training tasks for {@code --tasks}.
     *
     * @param loader the loader for {@code vocab.txt} and {@code tokenizer.json}
     * @param tasks the tasks by name
     */
    public PretrainingDataCommand(TokenizerLoader loader, Map<String, PretrainingTask> tasks) {
        this(loader);
        this.tasks.addAll(tasks);
    }

    PretrainingDataCommand(TokenizerLoader loader, TokenizerResolver resolver) {
        this.loader = loader;
        this.resolver = resolver;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTask(PretrainingTask task, Map<String, Object> properties) {
        tasks.add(task, properties);
    }

    void removeTask(PretrainingTask task) {
        tasks.remove(task);
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab pretraining-data (--vocab FILE | --tokenizer NAME_OR_FILE) --input FILE... --output FILE",
                "         [--max-seq-length 128] [--dupe-factor 10] [--short-seq-prob 0.1] [--masked-lm-prob 0.15]",
                "         [--max-predictions 20] [--whole-word-mask] [--seed 12345] [--compat google|hf] [--cased]",
                "         [--allow-single-document]",
                "       bertlab pretraining-data --tasks a,b (--vocab FILE | --tokenizer NAME_OR_FILE) --input FILE...",
                "         --output FILE [--max-seq-length 128] [--dupe-factor 10] [--seed 12345] [--cased]",
                "         [--allow-single-document]",
                "",
                "Makes pre-training instances ([CLS] A [SEP] B [SEP] with masked tokens and the NSP label) from text",
                "with one sentence per line and a blank line between documents, exactly as Google's",
                "create_pretraining_data.py does. With --compat google (the default) the instances equal the",
                "script's under CPython for the same input, vocabulary, flags and seed. With --compat hf, masking",
                "follows HuggingFace's DataCollatorForLanguageModeling instead: each token with probability",
                "--masked-lm-prob, no cap (redraw it every epoch from the file; see src-docs/pretraining.md).",
                "Writes one JSON object per instance: tokens, input_ids, segment_ids, is_random_next,",
                "masked_lm_positions, masked_lm_ids, masked_lm_labels. Progress goes to standard error.",
                "",
                "With --tasks, the installed pre-training task services make the instances instead (e.g. mlm,sop",
                "for ALBERT's objectives, or a plugin's task): segment A takes a document's sentences up to half",
                "the length, the text tasks choose B and their labels (written under \"labels\" by task name; nsp's",
                "as is_random_next), then the token tasks mask. Each task is configured by its own component",
                "configuration (e.g. io.bertlab.pretrain.mlm), not by the Google-only options.",
                "",
                "Options:",
                "  --vocab            a WordPiece vocab.txt (lower-cased unless --cased, as BERT's uncased models)",
                "  --tokenizer        a configured tokenizer's name, or a tokenizer.json / vocab.txt file",
                "  --input            text files, read in order (repeat the option or separate with commas)",
                "  --output           the JSON lines file to write",
                "  --max-seq-length   the longest instance in tokens, [CLS] and [SEP]s included (default 128)",
                "  --dupe-factor      passes over the corpus, each with other random choices (default 10)",
                "  --short-seq-prob   share of instances aiming at a random shorter length (default 0.1)",
                "  --masked-lm-prob   share of tokens to predict (default 0.15)",
                "  --max-predictions  the most predictions per instance, Google mode (default 20)",
                "  --whole-word-mask  mask all WordPieces of a word together",
                "  --seed             seed of Python's random.Random (default 12345)",
                "  --compat           google (static masking, bit-exact) or hf (dynamic masking)",
                "  --cased            with --vocab: keep case and accents",
                "  --allow-single-document  go on when the input has no blank line between documents",
                "  --tasks            the pre-training task services that make the instances, e.g. mlm,sop",
                "",
                "Example: bertlab pretraining-data --vocab bert-base-uncased/vocab.txt --input corpus.txt \\",
                "           --output instances.jsonl --dupe-factor 5 --whole-word-mask");
    }

    @Override
    public int run(CommandContext call) throws Exception {
        Arguments arguments = Arguments.parse(NAME, call.arguments(),
                Set.of("--whole-word-mask", "--cased", "--allow-single-document"),
                Set.of("--vocab", "--tokenizer", "--input", "--output", "--max-seq-length", "--dupe-factor",
                        "--short-seq-prob", "--masked-lm-prob", "--max-predictions", "--seed", "--compat", "--tasks"));
        if (!arguments.positional().isEmpty()) {
            throw new UsageException(NAME + ": unexpected argument '" + arguments.positional().get(0)
                    + "' (inputs are given with --input)");
        }
        if (arguments.has("--vocab") == arguments.has("--tokenizer")) {
            throw new UsageException(NAME + ": give exactly one of --vocab FILE and --tokenizer NAME_OR_FILE");
        }
        Map<String, PretrainingTask> chosen = null;
        if (arguments.has("--tasks")) {
            for (String option : GOOGLE_ONLY) {
                if (arguments.has(option)) {
                    throw new UsageException(NAME + ": " + option + " sets Google's generator; with --tasks each task"
                            + " is configured by its component configuration (see 'bertlab help pretraining-data')");
                }
            }
            List<String> names = InstalledTasks.names(arguments.value("--tasks").get());
            if (names.isEmpty()) {
                throw new UsageException(NAME + ": --tasks names no task (e.g. --tasks mlm,sop)");
            }
            chosen = tasks.choose(NAME, names);
        }
        GenerationSettings settings = settings(arguments);
        List<Path> inputs = inputs(call, arguments);
        Path output = call.resolve(arguments.required("--output"));
        OutputFiles.check(NAME, output);
        Tokenizer tokenizer = tokenizer(call, arguments);
        Vocabulary vocabulary;
        try {
            vocabulary = Vocabulary.of(tokenizer);
        } catch (IllegalArgumentException e) {
            throw new CommandException(NAME + ": " + e.getMessage());
        }
        PrintStream err = call.err();
        long started = System.nanoTime();
        TokenizedCorpus.ReadProgress reading = new TokenizedCorpus.ReadProgress() {
            @Override
            public void fileRead(Path file, long bytes) {
                err.printf(Locale.ROOT, "read %s (%.1f MB so far)%n", file, bytes / 1e6);
            }

            @Override
            public void invalidUtf8(Path file, long lines, long firstLine, long firstByteOffset) {
                err.printf(Locale.ROOT, "warning: %s: %d line%s held bytes that are not UTF-8 (the first at line %d,"
                        + " byte offset %d); they were dropped, as Google's create_pretraining_data.py drops them%n",
                        file, lines, lines == 1 ? "" : "s", firstLine, firstByteOffset);
            }
        };
        if (chosen != null) {
            return fromTasks(chosen, settings, inputs, output, tokenizer, vocabulary, reading, arguments, err);
        }
        EncodeOptions plain = EncodeOptions.of(false, null, null);
        Function<String, int[]> tokenize = line -> tokenizer.encode(line, plain).ids();
        TokenizedCorpus corpus;
        try {
            corpus = TokenizedCorpus.read(inputs, tokenize, reading);
        } catch (IOException e) {
            throw new CommandException(NAME + ": cannot read the input: " + FileErrors.describe(e));
        }
        checkDocuments(corpus.documentCount(), corpus.lines(), inputs, arguments, err);
        double readSeconds = (System.nanoTime() - started) / 1e9;
        err.printf(Locale.ROOT, "%d documents, %d lines, %d tokens in %.1f s%n", corpus.documentCount(),
                corpus.lines(), corpus.tokens(), readSeconds);
        InstanceGenerator generator = new InstanceGenerator(settings, vocabulary);
        List<TrainingInstance> instances = generator.generate(corpus,
                (pass, made) -> err.printf(Locale.ROOT, "pass %d/%d: %d instances%n", pass, settings.dupeFactor(),
                        made));
        writeAtomically(output, vocabulary, sink -> {
            for (TrainingInstance instance : instances) {
                sink.accept(instance);
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        InstanceGenerator.Statistics statistics = generator.statistics();
        err.printf(Locale.ROOT, "wrote %d instances to %s (NotNext %.1f %%) in %.1f s: %.2f MB/s of input%n",
                instances.size(), output, 100.0 * statistics.randomNext() / Math.max(1, instances.size()), seconds,
                corpus.bytes() / 1e6 / seconds);
        return 0;
    }

    /** The options only Google's generator reads. */
    private static final List<String> GOOGLE_ONLY = List.of("--compat", "--short-seq-prob", "--masked-lm-prob",
            "--max-predictions", "--whole-word-mask");

    /** {@code --tasks}: the chosen task services make the instances ({@link TaskInstances}), streamed to the file. */
    private static int fromTasks(Map<String, PretrainingTask> chosen, GenerationSettings settings, List<Path> inputs,
            Path output, Tokenizer tokenizer, Vocabulary vocabulary, TokenizedCorpus.ReadProgress reading,
            Arguments arguments, PrintStream err) throws CommandException {
        long started = System.nanoTime();
        TaskInstances generator;
        try {
            generator = new TaskInstances(chosen, tokenizer, settings.maxSeqLength(), settings.seed());
        } catch (IllegalArgumentException e) {
            throw new UsageException(NAME + ": " + e.getMessage());
        }
        TextCorpus corpus;
        try {
            corpus = TextCorpus.read(inputs, reading);
        } catch (IOException e) {
            throw new CommandException(NAME + ": cannot read the input: " + FileErrors.describe(e));
        }
        checkDocuments(corpus.documentCount(), corpus.lines(), inputs, arguments, err);
        err.printf(Locale.ROOT, "%d documents, %d lines; tasks %s%n", corpus.documentCount(), corpus.lines(),
                String.join(", ", chosen.keySet()));
        long[] made = {0};
        try {
            writeAtomically(output, vocabulary, sink -> made[0] = generator.generate(corpus, settings.dupeFactor(),
                    sink::accept, (pass, count) -> err.printf(Locale.ROOT, "pass %d/%d: %d instances%n", pass,
                            settings.dupeFactor(), count)));
        } catch (IllegalStateException e) {
            // a task broke its contract (no target, or the wrong kind): say which, keep nothing
            throw new CommandException(NAME + ": " + e.getMessage());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder shares = new StringBuilder();
        generator.labelCounts().forEach((task, counts) -> {
            shares.append(", ").append(task).append(" labels");
            for (int label = 0; label < counts.length; label++) {
                shares.append(String.format(Locale.ROOT, " %d: %.1f %%", label, 100.0 * counts[label]
                        / Math.max(1, made[0])));
            }
        });
        err.printf(Locale.ROOT, "wrote %d instances to %s%s in %.1f s: %.2f MB/s of input%n", made[0], output,
                shares, seconds, corpus.bytes() / 1e6 / seconds);
        return 0;
    }

    /** Writes instances through a sink into a file that appears whole or not at all. */
    private interface Filler {
        void fill(TaskInstances.Sink sink) throws IOException;
    }

    private static void writeAtomically(Path output, Vocabulary vocabulary, Filler filler) throws CommandException {
        try {
            AtomicFiles.write(output, channel -> {
                // not closed: AtomicFiles forces and closes the channel itself
                Writer out = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8));
                filler.fill(new InstanceFiles.InstanceWriter(out, vocabulary)::write);
                out.flush();
            });
        } catch (IOException e) {
            throw new CommandException(NAME + ": cannot write " + FileErrors.describe(output, e));
        }
    }

    /** The input must have text, and more than one document unless the user accepts NSP's weakness. */
    private static void checkDocuments(int documents, long lines, List<Path> inputs, Arguments arguments,
            PrintStream err) throws CommandException {
        if (documents == 0) {
            throw new CommandException(NAME + ": the input has no text (" + lines + " lines, none with tokens): "
                    + inputs);
        }
        if (documents == 1) {
            String problem = "the input is a single document (no blank line separates documents), so Next Sentence"
                    + " Prediction has no negatives from other documents: its random B comes from the same text";
            if (!arguments.has("--allow-single-document")) {
                throw new CommandException(NAME + ": " + problem
                        + "; put a blank line between documents, or pass --allow-single-document");
            }
            err.println("warning: " + problem);
        }
    }

    private static GenerationSettings settings(Arguments arguments) throws UsageException {
        GenerationSettings defaults = GenerationSettings.defaults();
        try {
            MaskingMode masking = MaskingMode.parse(arguments.value("--compat").orElse("google"));
            return new GenerationSettings(
                    arguments.intValue("--max-seq-length", defaults.maxSeqLength()),
                    arguments.intValue("--dupe-factor", defaults.dupeFactor()),
                    doubleValue(arguments, "--short-seq-prob", defaults.shortSeqProb()),
                    doubleValue(arguments, "--masked-lm-prob", defaults.maskedLmProb()),
                    arguments.intValue("--max-predictions", defaults.maxPredictions()),
                    arguments.has("--whole-word-mask"),
                    longValue(arguments, "--seed", defaults.seed()),
                    masking);
        } catch (IllegalArgumentException e) {
            throw new UsageException(NAME + ": " + e.getMessage());
        }
    }

    private static double doubleValue(Arguments arguments, String option, double fallback) throws UsageException {
        String text = arguments.value(option).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException(NAME + ": " + option + " expects a number, not '" + text + "'");
        }
    }

    private static long longValue(Arguments arguments, String option, long fallback) throws UsageException {
        String text = arguments.value(option).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new UsageException(NAME + ": " + option + " expects an integer, not '" + text + "'");
        }
    }

    private static List<Path> inputs(CommandContext call, Arguments arguments) throws CommandException {
        List<Path> files = new ArrayList<>();
        for (String value : arguments.values("--input")) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                Path file = call.resolve(part.strip());
                if (!Files.isRegularFile(file)) {
                    throw new CommandException(NAME + ": --input " + part + ": " + file + " is not a file");
                }
                files.add(file);
            }
        }
        if (files.isEmpty()) {
            throw new UsageException(NAME + ": --input is required (text files, one sentence per line)");
        }
        return files;
    }

    /** {@code --tokenizer} as every command resolves it; {@code --vocab} read with the casing {@code --cased} says. */
    private Tokenizer tokenizer(CommandContext call, Arguments arguments) throws CommandException {
        var vocab = arguments.value("--vocab");
        if (vocab.isEmpty()) {
            String name = arguments.value("--tokenizer").get();
            try {
                return resolver.resolve(name, call.resolve(name));
            } catch (IOException e) {
                throw new CommandException(NAME + ": --tokenizer " + e.getMessage(), e);
            }
        }
        Path file = call.resolve(vocab.get());
        if (!Files.isRegularFile(file)) {
            throw new CommandException(NAME + ": --vocab '" + vocab.get() + "': " + file + " is not a file");
        }
        try {
            boolean lowercase = !arguments.has("--cased");
            return loader.load(file, Map.of(TokenizerLoader.OPTION_LOWERCASE, String.valueOf(lowercase)));
        } catch (TokenizerFormatException e) {
            throw new CommandException(NAME + ": --vocab '" + vocab.get() + "': " + e.getMessage());
        } catch (IOException e) {
            throw new CommandException(NAME + ": --vocab '" + vocab.get() + "': cannot read "
                    + FileErrors.describe(file, e));
        }
    }
}
