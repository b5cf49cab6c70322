package io.bertlab.api.tokenizer;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link TokenizerTrainer} aims for, with HuggingFace's trainer options as names.
 *
 * <p>{@code lowercase} and {@code stripAccents} set the usual pipeline's normalization, as HuggingFace's tokenizer
 * implementations take them ({@code BertWordPieceTokenizer(lowercase, strip_accents)},
 * {@code ByteLevelBPETokenizer(lowercase)}, ...): WordPiece sets them on BERT's normalizer, the other families
 * normalize with NFD and StripAccents, then Lowercase. {@code null} keeps the family's usual choice (BERT's WordPiece
 * lower-cases and, with it, strips accents; the others do neither). They are ignored when a template is given, whose
 * normalizer is used as it is.
 *
 * @param vocabSize the target vocabulary size, special tokens included
 * @param minFrequency pairs or pieces seen fewer times are not kept
 * @param specialTokens tokens placed first in the vocabulary, in order
 * @param limitAlphabet at most this many initial characters (0 = no limit)
 * @param initialAlphabet characters always kept, even if absent from the corpus
 * @param continuingSubwordPrefix prefix of non-initial subwords ({@code ##} for WordPiece), or empty
 * @param endOfWordSuffix suffix of word-final subwords, or empty
 * @param modelOptions further options of one model family (e.g. {@code shrinking_factor} for Unigram)
 * @param lowercase the usual pipeline lower-cases the text, or {@code null} for the family's usual (since 1.2)
 * @param stripAccents the usual pipeline decomposes characters and drops accents, or {@code null} for the family's
 *        usual (since 1.2)
 */
public record TrainerSettings(int vocabSize, int minFrequency, List<String> specialTokens, int limitAlphabet,
        List<String> initialAlphabet, String continuingSubwordPrefix, String endOfWordSuffix,
        Map<String, String> modelOptions, Boolean lowercase, Boolean stripAccents) {

    /**
     * Checks and copies the settings.
     *
     * @param vocabSize target size, positive
     * @param minFrequency minimum frequency, at least 0
     * @param specialTokens special tokens
     * @param limitAlphabet alphabet limit, at least 0
     * @param initialAlphabet initial alphabet
     * @param continuingSubwordPrefix subword prefix
     * @param endOfWordSuffix word suffix
     * @param modelOptions model-specific options
     * @param lowercase the usual pipeline lower-cases, or null for the family's usual
     * @param stripAccents the usual pipeline strips accents, or null for the family's usual
     * @since 1.2
     */
    public TrainerSettings {
        if (vocabSize <= 0 || minFrequency < 0 || limitAlphabet < 0) {
            throw new IllegalArgumentException("trainer needs vocab_size > 0, min_frequency >= 0, limit_alphabet >= 0");
        }
        specialTokens = List.copyOf(specialTokens);
        initialAlphabet = List.copyOf(initialAlphabet);
        Objects.requireNonNull(continuingSubwordPrefix, "continuingSubwordPrefix");
        Objects.requireNonNull(endOfWordSuffix, "endOfWordSuffix");
        modelOptions = Map.copyOf(modelOptions);
    }

    /**
     * Settings with the family's usual normalization (the 1.1 constructor).
     *
     * @param vocabSize target size, positive
     * @param minFrequency minimum frequency, at least 0
     * @param specialTokens special tokens
     * @param limitAlphabet alphabet limit, at least 0
     * @param initialAlphabet initial alphabet
     * @param continuingSubwordPrefix subword prefix
     * @param endOfWordSuffix word suffix
     * @param modelOptions model-specific options
     */
    public TrainerSettings(int vocabSize, int minFrequency, List<String> specialTokens, int limitAlphabet,
            List<String> initialAlphabet, String continuingSubwordPrefix, String endOfWordSuffix,
            Map<String, String> modelOptions) {
        this(vocabSize, minFrequency, specialTokens, limitAlphabet, initialAlphabet, continuingSubwordPrefix,
                endOfWordSuffix, modelOptions, null, null);
    }

    /**
     * These settings with another normalization of the usual pipeline.
     *
     * @param lowercase lower-case the text, or null for the family's usual
     * @param stripAccents decompose characters and drop accents, or null for the family's usual
     * @return the new settings
     * @since 1.2
     */
    public TrainerSettings withNormalization(Boolean lowercase, Boolean stripAccents) {
        return new TrainerSettings(vocabSize, minFrequency, specialTokens, limitAlphabet, initialAlphabet,
                continuingSubwordPrefix, endOfWordSuffix, modelOptions, lowercase, stripAccents);
    }
}
