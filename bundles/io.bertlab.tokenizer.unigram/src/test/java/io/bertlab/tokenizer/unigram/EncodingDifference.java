package io.bertlab.tokenizer.unigram;

import io.bertlab.api.tokenizer.Encoding;
import java.util.Arrays;

/** The first column in which two encodings differ, described around the first differing token. */
final class EncodingDifference {

    private static final int CONTEXT = 3;

    private EncodingDifference() {
    }

    /**
     * Compares tokens, ids, type ids, attention mask, special tokens mask, word ids, sequence ids and offsets.
     *
     * @param ours bertlab's encoding
     * @param theirs HuggingFace's encoding
     * @return null when identical, else the column, the token index and both excerpts
     */
    static String of(Encoding ours, Encoding theirs) {
        String[] names = {"ids", "type_ids", "attention_mask", "special_tokens_mask", "word_ids", "sequence_ids",
            "offset starts", "offset ends"};
        int[][] our = {ours.ids(), ours.typeIds(), ours.attentionMask(), ours.specialTokensMask(), ours.wordIds(),
            ours.sequenceIds(), ours.offsetStarts(), ours.offsetEnds()};
        int[][] their = {theirs.ids(), theirs.typeIds(), theirs.attentionMask(), theirs.specialTokensMask(),
            theirs.wordIds(), theirs.sequenceIds(), theirs.offsetStarts(), theirs.offsetEnds()};
        if (!Arrays.equals(ours.tokens(), theirs.tokens())) {
            return describe("tokens", ours.tokens(), theirs.tokens(), ours, theirs);
        }
        for (int c = 0; c < names.length; c++) {
            if (!Arrays.equals(our[c], their[c])) {
                return describe(names[c], box(our[c]), box(their[c]), ours, theirs);
            }
        }
        return null;
    }

    private static String describe(String column, Object[] ours, Object[] theirs, Encoding our, Encoding their) {
        int at = 0;
        while (at < ours.length && at < theirs.length && ours[at].equals(theirs[at])) {
            at++;
        }
        return column + " differ at token " + at + " (of " + ours.length + " / " + theirs.length + "):\n    ours "
                + window(ours, at) + " tokens " + window(our.tokens(), at) + "\n    HF   " + window(theirs, at)
                + " tokens " + window(their.tokens(), at);
    }

    private static Object[] box(int[] values) {
        return Arrays.stream(values).boxed().toArray();
    }

    private static String window(Object[] values, int at) {
        int from = Math.max(0, at - CONTEXT);
        return Arrays.toString(Arrays.copyOfRange(values, Math.min(from, values.length),
                Math.min(values.length, at + CONTEXT + 1)));
    }
}
