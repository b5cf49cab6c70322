package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.List;
import java.util.Locale;

/**
 * What happens to the delimiters when text is split (HuggingFace's {@code SplitDelimiterBehavior}). The split is
 * computed from ranges that cover the text, each flagged as delimiter or not.
 */
public enum SplitBehavior {
    /** Delimiters are dropped. */
    REMOVED,
    /** Each delimiter becomes a word of its own. */
    ISOLATED,
    /** A delimiter joins the word before it. */
    MERGED_WITH_PREVIOUS,
    /** A delimiter joins the word after it. */
    MERGED_WITH_NEXT,
    /** Runs of delimiters and runs of other text each become one word. */
    CONTIGUOUS;

    /**
     * The name in {@code tokenizer.json}, e.g. {@code MergedWithPrevious}.
     *
     * @return the JSON name
     */
    public String jsonName() {
        StringBuilder sb = new StringBuilder();
        for (String part : name().split("_")) {
            sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }

    /**
     * Parses a JSON name.
     *
     * @param json e.g. {@code Isolated}
     * @return the behaviour, or null when unknown
     */
    public static SplitBehavior fromJson(String json) {
        for (SplitBehavior b : values()) {
            if (b.jsonName().equals(json)) {
                return b;
            }
        }
        return null;
    }

    /**
     * Emits the words of a piece given its ranges.
     *
     * @param piece the piece
     * @param bounds range ends, ascending, the last one {@code piece.length()}; range i is
     *     {@code [bounds[i-1], bounds[i])}
     * @param isDelimiter whether each range is a delimiter
     * @param count number of ranges
     * @param out receives non-empty words
     */
    void emit(NormalizedText piece, int[] bounds, boolean[] isDelimiter, int count, List<NormalizedText> out) {
        switch (this) {
            case REMOVED:
                for (int i = 0, start = 0; i < count; start = bounds[i], i++) {
                    if (!isDelimiter[i]) {
                        add(piece, start, bounds[i], out);
                    }
                }
                break;
            case ISOLATED:
                for (int i = 0, start = 0; i < count; start = bounds[i], i++) {
                    add(piece, start, bounds[i], out);
                }
                break;
            case MERGED_WITH_PREVIOUS:
            case MERGED_WITH_NEXT: {
                // HuggingFace's fold: a delimiter joins its neighbour unless that neighbour is a delimiter too.
                boolean forward = this == MERGED_WITH_PREVIOUS;
                int[] starts = new int[count];
                int[] ends = new int[count];
                int n = 0;
                boolean previousDelimiter = false;
                for (int k = 0; k < count; k++) {
                    int i = forward ? k : count - 1 - k;
                    int start = i == 0 ? 0 : bounds[i - 1];
                    if (isDelimiter[i] && !previousDelimiter && n > 0) {
                        if (forward) {
                            ends[n - 1] = bounds[i];
                        } else {
                            starts[n - 1] = start;
                        }
                    } else {
                        starts[n] = start;
                        ends[n] = bounds[i];
                        n++;
                    }
                    previousDelimiter = isDelimiter[i];
                }
                for (int k = 0; k < n; k++) {
                    int i = forward ? k : n - 1 - k;
                    add(piece, starts[i], ends[i], out);
                }
                break;
            }
            case CONTIGUOUS: {
                int wordStart = 0;
                boolean previousDelimiter = false;
                for (int i = 0, start = 0; i < count; start = bounds[i], i++) {
                    if (i > 0 && isDelimiter[i] != previousDelimiter) {
                        add(piece, wordStart, start, out);
                        wordStart = start;
                    }
                    previousDelimiter = isDelimiter[i];
                }
                add(piece, wordStart, piece.length(), out);
                break;
            }
            default:
                throw new AssertionError(this);
        }
    }

    private static void add(NormalizedText piece, int from, int to, List<NormalizedText> out) {
        if (to > from) {
            out.add(piece.slice(from, to));
        }
    }
}
