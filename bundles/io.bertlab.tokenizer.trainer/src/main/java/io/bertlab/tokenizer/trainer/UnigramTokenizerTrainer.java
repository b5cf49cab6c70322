package io.bertlab.tokenizer.trainer;

import io.bertlab.api.progress.ProgressListener;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerProperties;
import io.bertlab.api.tokenizer.TokenizerTrainer;
import io.bertlab.api.tokenizer.TrainerSettings;
import io.bertlab.api.tokenizer.TrainingResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Unigram, as HuggingFace's {@code UnigramTrainer} (SentencePiece's EM and pruning). Model options, with their
 * defaults: {@code unk_token} ({@code <unk>}), {@code shrinking_factor} (0.75), {@code n_sub_iterations} (2),
 * {@code max_piece_length} (16), {@code seed_size} (1000000). Usual pipeline: the Metaspace pre-tokenizer and
 * decoder, normalized as the settings ask (NFD, StripAccents, Lowercase).
 */
@Component(service = TokenizerTrainer.class,
        property = {TokenizerProperties.MODEL + "=Unigram", TrainerNames.PROPERTY + "=" + TrainerNames.UNIGRAM})
public final class UnigramTokenizerTrainer implements TokenizerTrainer {

    static final String USUAL_PIPELINE = """
            {"normalizer": null,
             "pre_tokenizer": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": true},
             "post_processor": null,
             "decoder": {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": true}}
            """;

    private final TokenizerLoader loader;

    /**
     * The service.
     *
     * @param loader bertlab's tokenizer loader, which reads the trained file back
     */
    @Activate
    public UnigramTokenizerTrainer(@Reference(target = "(" + TokenizerProperties.IMPLEMENTATION + "="
            + TokenizerProperties.IMPLEMENTATION_BERTLAB + ")") TokenizerLoader loader) {
        this.loader = loader;
    }

    @Override
    public TrainingResult train(Iterable<String> corpus, TrainerSettings settings, Tokenizer template,
            ProgressListener progress) {
        return trainWith(corpus, settings, UsualNormalizer.SEQUENCE.pipeline(template, USUAL_PIPELINE, settings),
                progress);
    }

    /** Trains with the given pipeline. */
    TrainedTokenizer trainWith(Iterable<String> corpus, TrainerSettings settings, PipelineJson pipeline,
            ProgressListener progress) {
        Map<String, Long> words = WordCounter.count(corpus, pipeline, progress);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the corpus is empty: it has no words to learn a vocabulary from");
        }
        UnigramEm.Config config = config(settings);
        long characters = words.keySet().stream().flatMapToInt(String::codePoints).distinct().count();
        int fixed = (int) settings.specialTokens().stream().distinct().count()
                + (settings.specialTokens().contains(config.unkToken()) ? 0 : 1);
        if (settings.vocabSize() < fixed + characters) {
            throw new IllegalArgumentException("vocab_size " + settings.vocabSize() + " is smaller than the " + fixed
                    + " special and unknown tokens and the alphabet of " + characters
                    + " characters together, which a Unigram vocabulary must hold; raise vocab_size");
        }
        UnigramEm.Result result = UnigramEm.train(words, config, progress);
        List<String> specials = new ArrayList<>(settings.specialTokens());
        if (!specials.contains(config.unkToken())) {
            specials.add(config.unkToken());
        }
        Map<String, Integer> ids = new HashMap<>();
        for (int id = 0; id < result.model().pieces().size(); id++) {
            ids.putIfAbsent(result.model().pieces().get(id).piece(), id);
        }
        return TrainedTokenizer.of(pipeline.tokenizerJson(specials, ids, result.model().toJson()), loader, List.of());
    }

    /** The EM settings: the target and special tokens, and the model options or HuggingFace's defaults. */
    static UnigramEm.Config config(TrainerSettings settings) {
        Map<String, String> options = settings.modelOptions();
        return new UnigramEm.Config(settings.vocabSize(), settings.specialTokens(),
                options.getOrDefault("unk_token", "<unk>"),
                Double.parseDouble(options.getOrDefault("shrinking_factor", "0.75")),
                Integer.parseInt(options.getOrDefault("n_sub_iterations", "2")),
                Integer.parseInt(options.getOrDefault("max_piece_length", "16")),
                Integer.parseInt(options.getOrDefault("seed_size", "1000000")));
    }
}
