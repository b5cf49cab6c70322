package io.bertlab.pretrain.run;

import io.bertlab.api.pretrain.PretrainingTask;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerResolver;
import io.bertlab.pretrain.GenerationSettings;
import io.bertlab.pretrain.InstanceFiles;
import io.bertlab.pretrain.InstanceGenerator;
import io.bertlab.pretrain.mlm.MaskedLmTask;
import io.bertlab.pretrain.nsp.NextSentenceTask;
import io.bertlab.pretrain.sop.SentenceOrderTask;
import io.bertlab.pretrain.TokenizedCorpus;
import io.bertlab.pretrain.TrainingInstance;
import io.bertlab.pretrain.Vocabulary;
import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.SharedData;
import io.bertlab.testing.models.DirectoryResolver;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.testing.models.TinyBert;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Real parts for the pre-training run's tests outside OSGi: bert-base-uncased's tokenizer, instances made by the
 * generator from WikiText-2 paragraphs (one document each, split into sentences at " . "), the real task services,
 * and the test resolver that opens model directories on the java engine.
 */
final class Fixtures {

    static final Path TOKENIZER = SharedData.require("tokenizers/bert-base-uncased/tokenizer.json");
    static final int MAX_SEQ_LENGTH = 64;

    private static final ModelRegistry MODELS = ModelRegistry.discover(Fixtures.class.getClassLoader());

    private Fixtures() {
    }

    static Tokenizer tokenizer() throws IOException {
        return TokenizerFiles.load(TOKENIZER, Map.of(), MODELS);
    }

    static TokenizerLoader loader() {
        return (file, options) -> TokenizerFiles.load(file, options, MODELS);
    }

    static TokenizerResolver tokenizers() {
        return (name, file) -> TokenizerFiles.load(file, Map.of(), MODELS);
    }

    static Map<String, PretrainingTask> tasks() {
        return Map.of(MaskedLmTask.NAME, new MaskedLmTask(), NextSentenceTask.NAME, new NextSentenceTask(),
                SentenceOrderTask.NAME, new SentenceOrderTask());
    }

    static PretrainCommand command() {
        return new PretrainCommand(new DirectoryResolver(), tokenizers(), tasks());
    }

    static CapturingContext call(Path folder, String... arguments) {
        return new CapturingContext(folder, arguments);
    }

    /**
     * Writes instances made from a range of WikiText-2 test paragraphs (each a document).
     *
     * @param file the JSON lines file to write
     * @param firstParagraph the first paragraph
     * @param paragraphs how many
     * @param seed the generator's seed
     * @return the instances
     */
    static List<TrainingInstance> instances(Path file, int firstParagraph, int paragraphs, long seed)
            throws IOException {
        Path corpusFile = corpus(file.resolveSibling(file.getFileName() + ".txt"), firstParagraph, paragraphs);
        Tokenizer tokenizer = tokenizer();
        EncodeOptions plain = EncodeOptions.of(false, null, null);
        TokenizedCorpus corpus = TokenizedCorpus.read(List.of(corpusFile), line -> tokenizer.encode(line, plain).ids(),
                (f, bytes) -> { });
        Vocabulary vocabulary = Vocabulary.of(tokenizer);
        GenerationSettings settings = GenerationSettings.defaults().withMaxSeqLength(MAX_SEQ_LENGTH)
                .withDupeFactor(1).withMaxPredictions(10);
        settings = new GenerationSettings(settings.maxSeqLength(), settings.dupeFactor(), settings.shortSeqProb(),
                settings.maskedLmProb(), settings.maxPredictions(), settings.wholeWordMask(), seed,
                settings.masking());
        List<TrainingInstance> instances = new InstanceGenerator(settings, vocabulary).generate(corpus,
                (pass, made) -> { });
        try (InstanceFiles.InstanceWriter writer = InstanceFiles.writer(file, vocabulary)) {
            for (TrainingInstance instance : instances) {
                writer.write(instance);
            }
        }
        return instances;
    }

    /**
     * Writes a range of WikiText-2 test paragraphs as a corpus: one sentence per line, each paragraph a document.
     *
     * @param corpusFile the text file to write
     * @param firstParagraph the first paragraph
     * @param paragraphs how many
     * @return the file
     */
    static Path corpus(Path corpusFile, int firstParagraph, int paragraphs) throws IOException {
        List<String> lines = Files.readAllLines(SharedData.require("text/wikitext-2/wiki.test.tokens"),
                StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        int seen = 0;
        int taken = 0;
        for (String line : lines) {
            String paragraph = line.strip();
            if (paragraph.isEmpty() || paragraph.startsWith("=")) {
                continue;
            }
            if (seen++ < firstParagraph) {
                continue;
            }
            for (String sentence : paragraph.split(" \\. ")) {
                text.append(sentence.strip()).append(" .\n");
            }
            text.append('\n');
            if (++taken == paragraphs) {
                break;
            }
        }
        Files.writeString(corpusFile, text, StandardCharsets.UTF_8);
        return corpusFile;
    }

    /** The arguments of a tiny from-scratch run: L=2, H=32, 4 heads, on bert-base-uncased's vocabulary. */
    static List<String> scratch() {
        return List.of("--tokenizer", TOKENIZER.toString(), "--layers", "2", "--hidden", "32", "--heads", "4",
                "--intermediate", "64", "--max-positions", String.valueOf(MAX_SEQ_LENGTH));
    }

    /** A tiny random BERT encoder without pooler or heads (like a sentence encoder's checkpoint), with dropout. */
    static Path encoderOnly(Path directory) throws IOException {
        return TinyBert.save(directory, MAX_SEQ_LENGTH, 3, TOKENIZER);
    }

    static String[] arguments(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
