package io.bertlab.api.tokenizer;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The result of encoding one input (a text or a pair of texts): everything a BERT-style encoder takes, plus where
 * each token came from. All arrays have {@link #length()} entries. Immutable: arrays are copied in and out.
 *
 * <ul>
 * <li>{@code ids}: vocabulary ids ({@code input_ids});</li>
 * <li>{@code typeIds}: segment ids ({@code token_type_ids}), 0 for the first text, 1 for the second in BERT;</li>
 * <li>{@code attentionMask}: 1 for real tokens, 0 for padding;</li>
 * <li>{@code specialTokensMask}: 1 for tokens added by the post-processor and for padding;</li>
 * <li>{@code offsetStarts}/{@code offsetEnds}: {@code [start, end)} in Unicode code points of the text the token
 * came from, {@code (0, 0)} for added special tokens and padding;</li>
 * <li>{@code wordIds}: index of the pre-tokenized word of its text, -1 for special tokens and padding;</li>
 * <li>{@code sequenceIds}: 0 for the first text, 1 for the second, -1 for special tokens and padding;</li>
 * <li>{@code overflowing}: the parts cut off by truncation with a stride, each a full encoding.</li>
 * </ul>
 */
public final class Encoding {

    private final String[] tokens;
    private final int[] ids;
    private final int[] typeIds;
    private final int[] attentionMask;
    private final int[] specialTokensMask;
    private final int[] offsetStarts;
    private final int[] offsetEnds;
    private final int[] wordIds;
    private final int[] sequenceIds;
    private final List<Encoding> overflowing;

    /**
     * An encoding from its columns; the arrays are copied.
     *
     * @param tokens token texts
     * @param ids vocabulary ids
     * @param typeIds segment ids
     * @param attentionMask 1 for tokens, 0 for padding
     * @param specialTokensMask 1 for special tokens and padding
     * @param offsetStarts start offsets in code points
     * @param offsetEnds end offsets (exclusive) in code points
     * @param wordIds word indices, -1 for none
     * @param sequenceIds sequence indices, -1 for none
     * @param overflowing overflowing parts, in order
     * @throws IllegalArgumentException when the columns differ in length
     */
    public Encoding(String[] tokens, int[] ids, int[] typeIds, int[] attentionMask, int[] specialTokensMask,
            int[] offsetStarts, int[] offsetEnds, int[] wordIds, int[] sequenceIds, List<Encoding> overflowing) {
        int n = ids.length;
        if (tokens.length != n || typeIds.length != n || attentionMask.length != n || specialTokensMask.length != n
                || offsetStarts.length != n || offsetEnds.length != n || wordIds.length != n
                || sequenceIds.length != n) {
            throw new IllegalArgumentException("encoding columns differ in length");
        }
        this.tokens = tokens.clone();
        this.ids = ids.clone();
        this.typeIds = typeIds.clone();
        this.attentionMask = attentionMask.clone();
        this.specialTokensMask = specialTokensMask.clone();
        this.offsetStarts = offsetStarts.clone();
        this.offsetEnds = offsetEnds.clone();
        this.wordIds = wordIds.clone();
        this.sequenceIds = sequenceIds.clone();
        this.overflowing = List.copyOf(overflowing);
    }

    /**
     * The number of tokens, padding included.
     *
     * @return the length
     */
    public int length() {
        return ids.length;
    }

    /**
     * Token texts as the vocabulary spells them (e.g. {@code ##ing}, {@code Ġthe}).
     *
     * @return a copy
     */
    public String[] tokens() {
        return tokens.clone();
    }

    /**
     * One token's text.
     *
     * @param index the token index
     * @return its text
     */
    public String token(int index) {
        return tokens[index];
    }

    /**
     * Vocabulary ids ({@code input_ids}).
     *
     * @return a copy
     */
    public int[] ids() {
        return ids.clone();
    }

    /**
     * One token's id.
     *
     * @param index the token index
     * @return its id
     */
    public int id(int index) {
        return ids[index];
    }

    /**
     * Segment ids ({@code token_type_ids}).
     *
     * @return a copy
     */
    public int[] typeIds() {
        return typeIds.clone();
    }

    /**
     * Attention mask: 1 for tokens, 0 for padding.
     *
     * @return a copy
     */
    public int[] attentionMask() {
        return attentionMask.clone();
    }

    /**
     * Special-tokens mask: 1 for tokens added by the post-processor and for padding.
     *
     * @return a copy
     */
    public int[] specialTokensMask() {
        return specialTokensMask.clone();
    }

    /**
     * Offset starts, in Unicode code points of the token's text.
     *
     * @return a copy
     */
    public int[] offsetStarts() {
        return offsetStarts.clone();
    }

    /**
     * Offset ends (exclusive), in Unicode code points of the token's text.
     *
     * @return a copy
     */
    public int[] offsetEnds() {
        return offsetEnds.clone();
    }

    /**
     * Word indices within each text, -1 for special tokens and padding.
     *
     * @return a copy
     */
    public int[] wordIds() {
        return wordIds.clone();
    }

    /**
     * Sequence indices (0 first text, 1 second), -1 for special tokens and padding.
     *
     * @return a copy
     */
    public int[] sequenceIds() {
        return sequenceIds.clone();
    }

    /**
     * Position ids as BERT uses them: {@code 0 .. length-1}.
     *
     * @return a new array
     */
    public int[] positionIds() {
        int[] positions = new int[ids.length];
        Arrays.setAll(positions, i -> i);
        return positions;
    }

    /**
     * The parts that truncation cut off, each encoded and post-processed like this one.
     *
     * @return an unmodifiable list, empty without truncation or when everything fit
     */
    public List<Encoding> overflowing() {
        return overflowing;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Encoding o && Arrays.equals(o.ids, ids) && Arrays.equals(o.tokens, tokens)
                && Arrays.equals(o.typeIds, typeIds) && Arrays.equals(o.attentionMask, attentionMask)
                && Arrays.equals(o.specialTokensMask, specialTokensMask) && Arrays.equals(o.offsetStarts, offsetStarts)
                && Arrays.equals(o.offsetEnds, offsetEnds) && Arrays.equals(o.wordIds, wordIds)
                && Arrays.equals(o.sequenceIds, sequenceIds) && o.overflowing.equals(overflowing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(ids), Arrays.hashCode(offsetStarts), overflowing);
    }

    @Override
    public String toString() {
        return "Encoding" + Arrays.toString(tokens);
    }
}
