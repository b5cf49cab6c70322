package io.bertlab.api.tokenizer;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link TokenizerTrainer} aims for, with HuggingFace's trainer options as names.
 *
 * @param vocabSize the target vocabulary size, special tokens included
 * @param minFrequency pairs or pieces seen fewer times are not kept
 * @param specialTokens tokens placed first in the vocabulary, in order
 * @param limitAlphabet at most this many initial characters (0 = no limit)
 * @param initialAlphabet characters always kept, even if absent from the corpus
 * @param continuingSubwordPrefix prefix of non-initial subwords ({@code ##} for WordPiece), or empty
 * @param endOfWordSuffix suffix of word-final subwords, or empty
 * @param modelOptions further options of one model family (e.g. {@code shrinking_factor} for Unigram)
 */
public record TrainerSettings(int vocabSize, int minFrequency, List<String> specialTokens, int limitAlphabet,
        List<String> initialAlphabet, String continuingSubwordPrefix, String endOfWordSuffix,
        Map<String, String> modelOptions) {

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
}
