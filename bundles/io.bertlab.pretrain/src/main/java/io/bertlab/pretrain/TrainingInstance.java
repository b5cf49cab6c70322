package io.bertlab.pretrain;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pre-training instance as Google's {@code create_pretraining_data.py} makes it: {@code [CLS] A [SEP] B [SEP]}
 * with some tokens already masked, the segment ids, the masked positions (ascending) with the original token ids
 * there, and the sentence-level labels of the instance's tasks by task name: {@value #NEXT_SENTENCE} (Google's
 * {@code is_random_next}: 1 = NotNext, B drawn at random; 0 = IsNext) and those of other tasks (e.g. {@code sop}).
 *
 * @param tokens the input token ids, after masking
 * @param segmentIds 0 for {@code [CLS]}, A and its {@code [SEP]}; 1 for B and the last {@code [SEP]}
 * @param maskedPositions the positions to predict, ascending
 * @param maskedLabels the original token ids at those positions
 * @param labels each sentence-level task's label, by task name (unmodifiable)
 */
public record TrainingInstance(int[] tokens, int[] segmentIds, int[] maskedPositions, int[] maskedLabels,
        Map<String, Integer> labels) {

    /** The task whose label Google's field {@code is_random_next} holds. */
    public static final String NEXT_SENTENCE = "nsp";

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
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /**
     * An instance of Google's script: masked LM and next sentence prediction.
     *
     * @param tokens the input token ids, after masking
     * @param segmentIds the segment ids
     * @param isRandomNext whether segment B was drawn at random rather than being A's continuation
     * @param maskedPositions the positions to predict, ascending
     * @param maskedLabels the original token ids at those positions
     */
    public TrainingInstance(int[] tokens, int[] segmentIds, boolean isRandomNext, int[] maskedPositions,
            int[] maskedLabels) {
        this(tokens, segmentIds, maskedPositions, maskedLabels, Map.of(NEXT_SENTENCE, isRandomNext ? 1 : 0));
    }

    /** @return whether segment B was drawn at random (the {@value #NEXT_SENTENCE} label is 1) */
    public boolean isRandomNext() {
        return labels.getOrDefault(NEXT_SENTENCE, 0) == 1;
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
        return other instanceof TrainingInstance that && labels.equals(that.labels)
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
                + ", maskedPositions=" + Arrays.toString(maskedPositions) + ", maskedLabels="
                + Arrays.toString(maskedLabels) + ", labels=" + labels + "]";
    }
}
