package io.bertlab.tokenizer.trainer;

import io.bertlab.api.progress.ProgressListener;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TrainerSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The training run shared by the BPE, byte-level BPE and WordPiece trainers: count the corpus's words through the
 * pipeline, learn merges, write the model. Each trainer supplies its usual pipeline, defaults and model object.
 *
 * @param usualPipeline the {@code tokenizer.json} parts used when no template is given
 * @param normalizer how the settings normalize the usual pipeline
 * @param defaultPrefix the continuing-subword prefix when the settings give none, or null
 * @param baseAlphabet code points always in the alphabet besides the settings' initial alphabet
 * @param defaultUnkToken the unknown token when {@code unk_token} is not among the model options, or null
 * @param model the model object of {@code tokenizer.json}, from the vocabulary and the resolved configuration
 */
record BpeFamilyTraining(String usualPipeline, UsualNormalizer normalizer, String defaultPrefix,
        Set<Integer> baseAlphabet, String defaultUnkToken,
        BiFunction<BpeVocabulary, ModelSettings, Map<String, Object>> model) {

    /** The options the model object needs. */
    record ModelSettings(String unkToken, String continuingSubwordPrefix, String endOfWordSuffix) {
    }

    /** The template's pipeline, or this family's usual one normalized as the settings ask. */
    PipelineJson pipeline(Tokenizer template, TrainerSettings settings) {
        return normalizer.pipeline(template, usualPipeline, settings);
    }

    TrainedTokenizer train(Iterable<String> corpus, TrainerSettings settings, PipelineJson pipeline,
            TokenizerLoader loader, ProgressListener progress) {
        Map<String, Long> words = WordCounter.count(corpus, pipeline, progress);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("the corpus is empty: it has no words to learn a vocabulary from");
        }
        String prefix = settings.continuingSubwordPrefix().isEmpty() ? defaultPrefix
                : settings.continuingSubwordPrefix();
        String suffix = settings.endOfWordSuffix().isEmpty() ? null : settings.endOfWordSuffix();
        Set<Integer> alphabet = new LinkedHashSet<>(baseAlphabet);
        for (String c : settings.initialAlphabet()) {
            if (!c.isEmpty()) {
                alphabet.add(c.codePointAt(0));
            }
        }
        int maxTokenLength = Integer.parseInt(settings.modelOptions().getOrDefault("max_token_length", "0"));
        BpeConfig config = new BpeConfig(settings.vocabSize(), settings.minFrequency(), settings.specialTokens(),
                settings.limitAlphabet(), alphabet, prefix, suffix, maxTokenLength);
        BpeVocabulary vocabulary = BpeMerges.train(words, config, progress);
        String unk = settings.modelOptions().getOrDefault("unk_token", defaultUnkToken);
        if (unk != null && !vocabulary.vocabulary().containsKey(unk)) {
            throw new IllegalArgumentException("the unknown token \"" + unk + "\" is not in the trained vocabulary;"
                    + " list it among the special tokens");
        }
        Map<String, Object> modelJson = model.apply(vocabulary, new ModelSettings(unk, prefix, suffix));
        List<String> specials = new ArrayList<>(new LinkedHashSet<>(settings.specialTokens()));
        return TrainedTokenizer.of(pipeline.tokenizerJson(specials, vocabulary.vocabulary(), modelJson), loader,
                vocabulary.merges());
    }
}
