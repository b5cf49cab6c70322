package io.bertlab.tokenizer.trainer;

import java.util.List;
import java.util.Set;

/**
 * What a BPE training run aims for, with HuggingFace {@code BpeTrainer}'s option names.
 *
 * @param vocabSize the target vocabulary size, special tokens included
 * @param minFrequency pairs seen fewer times are not merged
 * @param specialTokens tokens placed first, in order
 * @param limitAlphabet at most this many initial characters (0: no limit)
 * @param initialAlphabet code points always kept
 * @param continuingSubwordPrefix prefix of non-initial symbols, or null
 * @param endOfWordSuffix suffix of word-final symbols, or null
 * @param maxTokenLength no merge produces a longer token, in characters (0: no limit)
 */
record BpeConfig(int vocabSize, long minFrequency, List<String> specialTokens, int limitAlphabet,
        Set<Integer> initialAlphabet, String continuingSubwordPrefix, String endOfWordSuffix, int maxTokenLength) {
}
