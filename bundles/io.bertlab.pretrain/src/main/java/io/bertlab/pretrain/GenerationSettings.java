package io.bertlab.pretrain;

/**
 * The flags of Google's {@code create_pretraining_data.py}, with its defaults.
 *
 * @param maxSeqLength the longest instance, {@code [CLS]} and both {@code [SEP]} included (at least 5)
 * @param dupeFactor how many times the corpus is passed over (each time with other random choices)
 * @param shortSeqProb how often an instance aims at a random shorter length
 * @param maskedLmProb the share of tokens to predict
 * @param maxPredictions the most positions predicted per instance (Google mode only)
 * @param wholeWordMask mask all pieces of a word together ({@code ##} pieces join the previous token)
 * @param seed the seed of {@code random.Random(seed)}
 * @param masking Google's static masking or HF's dynamic masking
 */
public record GenerationSettings(int maxSeqLength, int dupeFactor, double shortSeqProb, double maskedLmProb,
        int maxPredictions, boolean wholeWordMask, long seed, MaskingMode masking) {

    /** Checks the ranges. */
    public GenerationSettings {
        if (maxSeqLength < 5) {
            throw new IllegalArgumentException("max sequence length must be at least 5 ([CLS] A [SEP] B [SEP]): "
                    + maxSeqLength);
        }
        if (dupeFactor < 1) {
            throw new IllegalArgumentException("dupe factor must be at least 1: " + dupeFactor);
        }
        if (!(shortSeqProb >= 0 && shortSeqProb <= 1)) {
            throw new IllegalArgumentException("short sequence probability must be in [0, 1]: " + shortSeqProb);
        }
        if (!(maskedLmProb >= 0 && maskedLmProb <= 1)) {
            throw new IllegalArgumentException("masked LM probability must be in [0, 1]: " + maskedLmProb);
        }
        if (maxPredictions < 1) {
            throw new IllegalArgumentException("max predictions must be at least 1: " + maxPredictions);
        }
    }

    /**
     * The script's defaults: 128 tokens, dupe factor 10, short sequences 10 %, 15 % masked, at most 20 predictions,
     * no whole-word masking, seed 12345, Google's masking.
     *
     * @return the defaults
     */
    public static GenerationSettings defaults() {
        return new GenerationSettings(128, 10, 0.1, 0.15, 20, false, 12345, MaskingMode.GOOGLE);
    }

    /**
     * A copy with one setting changed.
     *
     * @param value the new value
     * @return the changed copy
     */
    public GenerationSettings withMaxSeqLength(int value) {
        return new GenerationSettings(value, dupeFactor, shortSeqProb, maskedLmProb, maxPredictions, wholeWordMask,
                seed, masking);
    }

    /**
     * A copy with one setting changed.
     *
     * @param value the new value
     * @return the changed copy
     */
    public GenerationSettings withDupeFactor(int value) {
        return new GenerationSettings(maxSeqLength, value, shortSeqProb, maskedLmProb, maxPredictions, wholeWordMask,
                seed, masking);
    }

    /**
     * A copy with one setting changed.
     *
     * @param value the new value
     * @return the changed copy
     */
    public GenerationSettings withShortSeqProb(double value) {
        return new GenerationSettings(maxSeqLength, dupeFactor, value, maskedLmProb, maxPredictions, wholeWordMask,
                seed, masking);
    }

    /**
     * A copy with one setting changed.
     *
     * @param value the new value
     * @return the changed copy
     */
    public GenerationSettings withMaskedLmProb(double value) {
        return new GenerationSettings(maxSeqLength, dupeFactor, shortSeqProb, value, maxPredictions, wholeWordMask,
                seed, masking);
    }

    /**
     * A copy with one setting changed.
     *
     * @param value the new value
     * @return the changed copy
     */
    public GenerationSettings withMaxPredictions(int value) {
        return new GenerationSettings(maxSeqLength, dupeFactor, shortSeqProb, maskedLmProb, value, wholeWordMask,
                seed, masking);
    }

    /**
     * A copy with one setting changed.
     *
     * @param value the new value
     * @return the changed copy
     */
    public GenerationSettings withWholeWordMask(boolean value) {
        return new GenerationSettings(maxSeqLength, dupeFactor, shortSeqProb, maskedLmProb, maxPredictions, value,
                seed, masking);
    }

    /**
     * A copy with one setting changed.
     *
     * @param value the new value
     * @return the changed copy
     */
    public GenerationSettings withSeed(long value) {
        return new GenerationSettings(maxSeqLength, dupeFactor, shortSeqProb, maskedLmProb, maxPredictions,
                wholeWordMask, value, masking);
    }

    /**
     * A copy with one setting changed.
     *
     * @param value the new value
     * @return the changed copy
     */
    public GenerationSettings withMasking(MaskingMode value) {
        return new GenerationSettings(maxSeqLength, dupeFactor, shortSeqProb, maskedLmProb, maxPredictions,
                wholeWordMask, seed, value);
    }
}
