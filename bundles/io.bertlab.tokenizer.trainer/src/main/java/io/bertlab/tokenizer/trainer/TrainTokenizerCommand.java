package io.bertlab.tokenizer.trainer;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.FileErrors;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.progress.ProgressListener;
import io.bertlab.api.tokenizer.TokenizerTrainer;
import io.bertlab.api.tokenizer.TrainerSettings;
import io.bertlab.api.tokenizer.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code bertlab train-tokenizer}: learns a vocabulary from text files and writes {@code tokenizer.json}, with the
 * {@link TokenizerTrainer} service registered under the {@code --model} name ({@link TrainerNames#PROPERTY}).
 */
@Component(service = Command.class)
@CommandProperties(name = "train-tokenizer", summary = "Learn a BPE, byte-level BPE, WordPiece or Unigram tokenizer"
        + " from text files")
public final class TrainTokenizerCommand implements Command {

    private static final String DEFAULT_SPECIALS = "[PAD],[UNK],[CLS],[SEP],[MASK]";
    private static final Set<String> FLAGS = Set.of("--lowercase", "--strip-accents");
    private static final Set<String> VALUED = Set.of("--model", "--vocab-size", "--min-frequency",
            "--special-tokens", "--show-merges", "--output");
    private static final Set<String> BUILT_IN = Set.of(TrainerNames.BPE, TrainerNames.BYTE_LEVEL_BPE,
            TrainerNames.WORDPIECE, TrainerNames.UNIGRAM);

    /**
     * The trainers with a name, with their service properties, in DS's order (ascending service ranking, so the last
     * of one name is the one to use); DS replaces the list as trainers come and go.
     */
    @Reference(service = TokenizerTrainer.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + TrainerNames.PROPERTY + "=*)")
    volatile List<Map.Entry<Map<String, Object>, TokenizerTrainer>> trainers = List.of();

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
        TokenizerTrainer trainer = trainer(model);
        if (model.equals(TrainerNames.UNIGRAM) && showMerges > 0) {
            throw new UsageException("train-tokenizer: --show-merges applies to merge-based models, not unigram");
        }
        CorpusFiles corpus = new CorpusFiles(files);
        TrainingResult trained;
        try {
            ProgressListener progress = new StderrProgress(context.err(), corpus, corpus.totalBytes());
            TrainerSettings settings = new TrainerSettings(vocabSize, minFrequency, specials, 0, List.of(), "", "",
                    modelOptions(model, specials))
                    // lower-casing only when asked (even for WordPiece); accents as BERT's normalizer decides unless asked
                    .withNormalization(lowercase, stripAccents ? Boolean.TRUE : null);
            trained = trainer.train(corpus, settings, null, progress);
        } catch (UncheckedIOException e) {
            throw new CommandException(FileErrors.describe(e.getCause()), e.getCause());
        } catch (IOException e) {
            throw new CommandException(FileErrors.describe(e), e);
        } catch (IllegalArgumentException e) {
            // the trainers' contract for settings or a corpus that cannot make a vocabulary (see TokenizerTrainer)
            throw new CommandException("cannot learn a vocabulary from " + describe(files) + ": " + e.getMessage(), e);
        }
        try {
            trained.save(output);
        } catch (IOException e) {
            throw new CommandException("cannot write " + output + ": " + FileErrors.describe(e), e);
        }
        List<TrainingResult.Merge> merges = trained.merges();
        for (int i = 0; i < Math.min(showMerges, merges.size()); i++) {
            TrainingResult.Merge m = merges.get(i);
            context.out().printf("%d. %s + %s (seen %d times)%n", i + 1, m.left(), m.right(), m.count());
        }
        context.out().printf("wrote %s: %d tokens%n", output, trained.tokenizer().vocabularySize());
        return 0;
    }

    /** The trainer service of that name; the highest-ranked one when several claim it. */
    private TokenizerTrainer trainer(String model) throws CommandException {
        TokenizerTrainer found = null;
        for (Map.Entry<Map<String, Object>, TokenizerTrainer> t : trainers) {
            if (model.equals(t.getKey().get(TrainerNames.PROPERTY))) {
                found = t.getValue();
            }
        }
        if (found == null && BUILT_IN.contains(model)) {
            // this bundle's own trainer, unsatisfied: not the user's typo
            throw new CommandException("the " + model + " trainer service is not available (it needs bertlab's"
                    + " tokenizer loader)");
        }
        if (found == null) {
            throw new UsageException("train-tokenizer: unknown --model '" + model
                    + "'; expected bpe, byte-level-bpe, wordpiece or unigram");
        }
        return found;
    }

    /** The unknown token, when the special tokens hold the one this model's users expect. */
    private static Map<String, String> modelOptions(String model, List<String> specials) {
        Map<String, String> options = new LinkedHashMap<>();
        if (model.equals(TrainerNames.BPE) && specials.contains("[UNK]")) {
            options.put("unk_token", "[UNK]");
        } else if (model.equals(TrainerNames.BPE) && specials.contains("<unk>")) {
            options.put("unk_token", "<unk>");
        } else if (model.equals(TrainerNames.UNIGRAM) && specials.contains("[UNK]")) {
            options.put("unk_token", "[UNK]");
        }
        return options;
    }

    private static String describe(List<Path> files) {
        return files.size() == 1 ? files.get(0).toString() : files.size() + " files (" + files.get(0) + ", ...)";
    }
}
