package io.bertlab.tokenizer.trainer;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.FileErrors;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.progress.ProgressListener;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerProperties;
import io.bertlab.api.tokenizer.TrainerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bertlab train-tokenizer}: learns a vocabulary from text files and writes {@code tokenizer.json}. */
@Component(service = Command.class)
@CommandProperties(name = "train-tokenizer", summary = "Learn a BPE, byte-level BPE, WordPiece or Unigram tokenizer"
        + " from text files")
public final class TrainTokenizerCommand implements Command {

    private static final String DEFAULT_SPECIALS = "[PAD],[UNK],[CLS],[SEP],[MASK]";
    private static final Set<String> FLAGS = Set.of("--lowercase", "--strip-accents");
    private static final Set<String> VALUED = Set.of("--model", "--vocab-size", "--min-frequency",
            "--special-tokens", "--show-merges", "--output");

    private final TokenizerLoader loader;

    /**
     * The command.
     *
     * @param loader bertlab's tokenizer loader, which reads the trained file back
     */
    @Activate
    public TrainTokenizerCommand(@Reference(target = "(" + TokenizerProperties.IMPLEMENTATION + "="
            + TokenizerProperties.IMPLEMENTATION_BERTLAB + ")") TokenizerLoader loader) {
        this.loader = loader;
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab train-tokenizer --model bpe|byte-level-bpe|wordpiece|unigram --vocab-size N",
                "         [--min-frequency N] [--special-tokens \"" + DEFAULT_SPECIALS + "\"] [--lowercase]",
                "         [--strip-accents] [--show-merges K] --output tokenizer.json FILE...",
                "",
                "Learns a vocabulary from the UTF-8 text FILEs (streamed line by line) with HuggingFace's trainer",
                "semantics and writes a tokenizer.json that HuggingFace and bertlab load. Progress goes to stderr.",
                "",
                "Options:",
                "  --model           bpe (Whitespace pre-tokenizer), byte-level-bpe (GPT-2 style), wordpiece",
                "                    (BERT: BertNormalizer, BertPreTokenizer, ## prefix), unigram (Metaspace)",
                "  --vocab-size      the vocabulary size, special tokens included",
                "  --min-frequency   pairs seen fewer times are not merged (BPE, WordPiece; default 0)",
                "  --special-tokens  comma-separated, placed first (default " + DEFAULT_SPECIALS + ")",
                "  --lowercase       lower-case the text first",
                "  --strip-accents   decompose characters and drop accents first",
                "  --show-merges K   print the first K merges learned, with their counts (BPE, WordPiece)",
                "  --output          the tokenizer.json to write",
                "",
                "Example (the course example, one word per line):",
                "  bertlab train-tokenizer --model bpe --vocab-size 20 --special-tokens \"<unk>\" --show-merges 10 \\",
                "      --output course.json words.txt");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments arguments = Arguments.parse("train-tokenizer", context.arguments(), FLAGS, VALUED);
        String model = arguments.required("--model");
        int vocabSize = arguments.intValue("--vocab-size", -1);
        if (vocabSize <= 0) {
            throw new UsageException("train-tokenizer: --vocab-size N (a positive number) is required");
        }
        int minFrequency = arguments.intValue("--min-frequency", 0);
        List<String> specials = new ArrayList<>();
        for (String s : arguments.value("--special-tokens").orElse(DEFAULT_SPECIALS).split(",")) {
            if (!s.isBlank()) {
                specials.add(s.strip());
            }
        }
        Path output = TrainingOutput.check(context.resolve(arguments.required("--output")));
        List<Path> files = new ArrayList<>();
        for (String f : arguments.positional()) {
            Path file = context.resolve(f);
            if (!Files.isRegularFile(file)) {
                throw new UsageException("train-tokenizer: no such file: " + file);
            }
            files.add(file);
        }
        if (files.isEmpty()) {
            throw new UsageException("train-tokenizer: give at least one text FILE to learn from");
        }
        boolean lowercase = arguments.has("--lowercase");
        boolean stripAccents = arguments.has("--strip-accents");
        int showMerges = arguments.intValue("--show-merges", 0);
        ProgressListener progress = new StderrProgress(context.err());
        Iterable<String> corpus = new CorpusFiles(files);
        Map<String, String> options = new LinkedHashMap<>();
        TrainedTokenizer trained;
        try {
            switch (model) {
                case TrainerNames.BPE, TrainerNames.BYTE_LEVEL_BPE, TrainerNames.WORDPIECE -> {
                    BpeFamilyTraining training = model.equals(TrainerNames.BPE) ? BpeTokenizerTrainer.TRAINING
                            : model.equals(TrainerNames.WORDPIECE) ? WordPieceTokenizerTrainer.TRAINING
                            : ByteLevelBpeTokenizerTrainer.TRAINING;
                    if (model.equals(TrainerNames.BPE) && specials.contains("[UNK]")) {
                        options.put("unk_token", "[UNK]");
                    } else if (model.equals(TrainerNames.BPE) && specials.contains("<unk>")) {
                        options.put("unk_token", "<unk>");
                    }
                    TrainerSettings settings = new TrainerSettings(vocabSize, minFrequency, specials, 0,
                            List.of(), "", "", options);
                    PipelineJson pipeline = normalized(training.pipeline(null), model, lowercase, stripAccents);
                    trained = training.train(corpus, settings, pipeline, loader, progress);
                }
                case TrainerNames.UNIGRAM -> {
                    if (showMerges > 0) {
                        throw new UsageException("train-tokenizer: --show-merges applies to merge-based models, not "
                                + "unigram");
                    }
                    if (specials.contains("[UNK]")) {
                        options.put("unk_token", "[UNK]");
                    }
                    TrainerSettings settings = new TrainerSettings(vocabSize, minFrequency, specials, 0,
                            List.of(), "", "", options);
                    PipelineJson pipeline = normalized(PipelineJson.parse(UnigramTokenizerTrainer.USUAL_PIPELINE),
                            model, lowercase, stripAccents);
                    trained = new UnigramTokenizerTrainer(loader, progress).trainWith(corpus, settings, pipeline);
                }
                default -> throw new UsageException("train-tokenizer: unknown --model '" + model
                        + "'; expected bpe, byte-level-bpe, wordpiece or unigram");
            }
        } catch (UncheckedIOException e) {
            throw new CommandException(FileErrors.describe(e.getCause()), e.getCause());
        } catch (IllegalArgumentException e) {
            // the trainers' contract for settings or a corpus that cannot make a vocabulary (see TokenizerTrainer)
            throw new CommandException("cannot learn a vocabulary from " + describe(files) + ": " + e.getMessage(), e);
        }
        try {
            trained.save(output);
        } catch (IOException e) {
            throw new CommandException("cannot write " + output + ": " + FileErrors.describe(e), e);
        }
        List<LearnedMerge> merges = trained.merges();
        for (int i = 0; i < Math.min(showMerges, merges.size()); i++) {
            LearnedMerge m = merges.get(i);
            context.out().printf("%d. %s + %s (seen %d times)%n", i + 1, m.left(), m.right(), m.count());
        }
        context.out().printf("wrote %s: %d tokens%n", output, trained.tokenizer().vocabularySize());
        return 0;
    }

    private static String describe(List<Path> files) {
        return files.size() == 1 ? files.get(0).toString() : files.size() + " files (" + files.get(0) + ", ...)";
    }

    /** The usual pipeline with the normalizer the flags ask for (WordPiece keeps BERT's own, set by the flags). */
    private static PipelineJson normalized(PipelineJson pipeline, String model, boolean lowercase,
            boolean stripAccents) {
        if (model.equals(TrainerNames.WORDPIECE)) {
            Map<String, Object> bert = new LinkedHashMap<>();
            bert.put("type", "BertNormalizer");
            bert.put("clean_text", true);
            bert.put("handle_chinese_chars", true);
            bert.put("strip_accents", stripAccents ? Boolean.TRUE : null);
            bert.put("lowercase", lowercase);
            return pipeline.withNormalizer(bert);
        }
        List<Object> steps = new ArrayList<>();
        if (stripAccents) {
            steps.add(Map.of("type", "NFD"));
            steps.add(Map.of("type", "StripAccents"));
        }
        if (lowercase) {
            steps.add(Map.of("type", "Lowercase"));
        }
        return steps.isEmpty() ? pipeline : pipeline.withNormalizer(Map.of("type", "Sequence", "normalizers", steps));
    }
}
