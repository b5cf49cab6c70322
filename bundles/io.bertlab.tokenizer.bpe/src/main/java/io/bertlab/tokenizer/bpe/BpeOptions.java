package io.bertlab.tokenizer.bpe;

/**
 * The settings of a BPE model besides vocabulary and merges, named as in {@code tokenizer.json}.
 *
 * @param dropout probability of skipping a merge (null or 0: none; only for training-time augmentation)
 * @param unkToken the unknown token, or null to drop unknown characters
 * @param continuingSubwordPrefix prefix of non-initial symbols, or null
 * @param endOfWordSuffix suffix of the final symbol, or null
 * @param fuseUnk whether consecutive unknown characters become one unknown token
 * @param byteFallback whether unknown characters become {@code <0xNN>} byte tokens
 * @param ignoreMerges whether a word found whole in the vocabulary is taken as is
 */
public record BpeOptions(Double dropout, String unkToken, String continuingSubwordPrefix, String endOfWordSuffix,
        boolean fuseUnk, boolean byteFallback, boolean ignoreMerges) {
}
