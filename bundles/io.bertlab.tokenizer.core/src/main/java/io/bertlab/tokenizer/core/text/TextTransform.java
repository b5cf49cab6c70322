package io.bertlab.tokenizer.core.text;

import java.util.Arrays;

/**
 * A rewrite of a whole {@link NormalizedText} described as HuggingFace's {@code NormalizedString::transform} takes
 * it: the new code points in order, each with a <em>change</em>. A change of 0 replaces the next input code point,
 * {@code -k} replaces it and removes the {@code k} after it, {@code +1} inserts a code point. A replacing code
 * point takes the original span of the input code point it replaces; an inserted one takes the span of the input
 * code point before the current position (HuggingFace's alignment of the previous byte). Input code points that no
 * change accounts for at the end are dropped, as HuggingFace drops them.
 *
 * <p>Normalizers whose HuggingFace counterpart builds such a list (and edits it while building, as
 * {@code Precompiled} does) fill one of these and {@link #applyTo} the text, which gives the same alignments as
 * HuggingFace, quirks included. Growing arrays, no per-character objects.
 */
public final class TextTransform {

    private int[] codePoints;
    private int[] changes;
    private int size;

    /**
     * An empty transform.
     *
     * @param capacity expected number of output code points
     */
    public TextTransform(int capacity) {
        int c = Math.max(capacity, 4);
        codePoints = new int[c];
        changes = new int[c];
    }

    /**
     * Appends an output code point.
     *
     * @param codePoint the code point
     * @param change 0 to replace the next input code point, {@code -k} to also remove {@code k} more, 1 to insert
     */
    public void add(int codePoint, int change) {
        if (size == codePoints.length) {
            codePoints = Arrays.copyOf(codePoints, size * 2);
            changes = Arrays.copyOf(changes, size * 2);
        }
        codePoints[size] = codePoint;
        changes[size] = change;
        size++;
    }

    /**
     * Adds to the change of the last output code point; nothing when there is none (HuggingFace then silently
     * loses the removal, and the alignments after it shift).
     *
     * @param delta the amount to add
     */
    public void addToLastChange(int delta) {
        if (size > 0) {
            changes[size - 1] += delta;
        }
    }

    /**
     * Marks the last output code points as insertions (change 1).
     *
     * @param count how many, at most {@link #size()}
     */
    public void markLastAsInserted(int count) {
        Arrays.fill(changes, size - count, size, 1);
    }

    /**
     * The number of output code points so far.
     *
     * @return the size
     */
    public int size() {
        return size;
    }

    /**
     * The rewritten text with HuggingFace's alignments.
     *
     * @param text the input the changes refer to
     * @return the new text
     */
    public NormalizedText applyTo(NormalizedText text) {
        NormalizedText.Builder builder = NormalizedText.builder(size);
        int n = text.length();
        int consumed = 0;
        for (int i = 0; i < size; i++) {
            int change = changes[i];
            if (change > 0) {
                // HuggingFace aligns an insertion at the very start with (0, 0) of its own original: our start
                int source = consumed - 1;
                if (source < 0) {
                    int origin = n == 0 ? 0 : text.originalStart(0);
                    builder.append(codePoints[i], origin, origin);
                } else {
                    builder.copyAlignment(codePoints[i], text, Math.min(source, n - 1));
                }
            } else {
                builder.copyAlignment(codePoints[i], text, Math.min(consumed, n - 1));
                consumed += 1 - change;
            }
        }
        return builder.build();
    }
}
