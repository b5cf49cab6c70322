package io.bertlab.pretrain;

import java.util.Arrays;

/**
 * One pre-training instance as Google's {@code create_pretraining_data.py} makes it: {@code [CLS] A [SEP] B [SEP]}
 * with some tokens already masked, the segment ids, whether B is a random other text (the Next Sentence Prediction
 * label: {@code true} = NotNext), and the masked positions (ascending) with the original token ids there.
 *
 * @param tokens the input token ids, after masking
 * @param segmentIds 0 for {@code [CLS]}, A and its {@code [SEP]}; 1 for B and the last {@code [SEP]}
 * @param isRandomNext whether segment B was drawn at random rather than being A's continuation
 * @param maskedPositions the positions to predict, ascending
 * @param maskedLabels the original token ids at those positions
 */
public record TrainingInstance(int[] tokens, int[] segmentIds, boolean isRandomNext, int[] maskedPositions,
        int[] maskedLabels) {

    /** Checks the parts agree. */
    public TrainingInstance {
        if (tokens.length != segmentIds.length) {
            throw new IllegalArgumentException("tokens and segment ids differ in length: " + tokens.length + " vs "
                    + segmentIds.length);
        }
        if (maskedPositions.length != maskedLabels.length) {
            throw new IllegalArgumentException("masked positions and labels differ in length: "
                    + maskedPositions.length + " vs " + maskedLabels.length);
        }
    }

    /**
     * The ids before masking: the labels put back at their positions (for redrawing HF's dynamic masking each
     * epoch from a file).
     *
     * @return a new array
     */
    public int[] originalTokens() {
        int[] original = tokens.clone();
        for (int i = 0; i < maskedPositions.length; i++) {
            original[maskedPositions[i]] = maskedLabels[i];
        }
        return original;
    }

    /** @return the number of tokens, special tokens included */
    public int length() {
        return tokens.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TrainingInstance that && isRandomNext == that.isRandomNext
                && Arrays.equals(tokens, that.tokens) && Arrays.equals(segmentIds, that.segmentIds)
                && Arrays.equals(maskedPositions, that.maskedPositions)
                && Arrays.equals(maskedLabels, that.maskedLabels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens) * 31 + Arrays.hashCode(maskedPositions);
    }

    @Override
    public String toString() {
        return "TrainingInstance[tokens=" + Arrays.toString(tokens) + ", segmentIds=" + Arrays.toString(segmentIds)
                + ", isRandomNext=" + isRandomNext + ", maskedPositions=" + Arrays.toString(maskedPositions)
                + ", maskedLabels=" + Arrays.toString(maskedLabels) + "]";
    }
}
