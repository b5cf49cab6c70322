package io.bertlab.tokenizer.sentencepiece;

import io.bertlab.api.tokenizer.Encoding;
import java.util.Arrays;

/** The first difference between two encodings of one text, described for a test report, or null. */
final class EncodingDifference {

    private EncodingDifference() {
    }

    /**
     * HuggingFace against HuggingFace: ids, every token and offsets.
     *
     * @param actual the encoding under test
     * @param expected the oracle's
     * @return the difference, or null
     */
    static String of(ai.djl.huggingface.tokenizers.Encoding actual, ai.djl.huggingface.tokenizers.Encoding expected) {
        return of(actual.getIds(), actual.getTokens(), starts(actual), ends(actual), expected, -1);
    }

    /**
     * bertlab against HuggingFace: ids, tokens (the unknown token may be spelled by its text or as the vocabulary
     * does) and offsets.
     *
     * @param actual bertlab's encoding
     * @param expected the oracle's
     * @param unkId the unknown token's id
     * @return the difference, or null
     */
    static String of(Encoding actual, ai.djl.huggingface.tokenizers.Encoding expected, int unkId) {
        return of(Arrays.stream(actual.ids()).asLongStream().toArray(), actual.tokens(), actual.offsetStarts(),
                actual.offsetEnds(), expected, unkId);
    }

    private static String of(long[] ids, String[] tokens, int[] starts, int[] ends,
            ai.djl.huggingface.tokenizers.Encoding expected, int unkId) {
        long[] theirIds = expected.getIds();
        if (!Arrays.equals(ids, theirIds)) {
            int at = 0;
            while (at < ids.length && at < theirIds.length && ids[at] == theirIds[at]) {
                at++;
            }
            return "ids from token " + at + ": got " + window(tokens, at) + " " + window(ids, at) + ", HF "
                    + window(expected.getTokens(), at) + " " + window(theirIds, at);
        }
        int[] theirStarts = starts(expected);
        int[] theirEnds = ends(expected);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != unkId && !tokens[i].equals(expected.getTokens()[i])) {
                return "token " + i + ": got \"" + tokens[i] + "\", HF \"" + expected.getTokens()[i] + "\"";
            }
            if (starts[i] != theirStarts[i] || ends[i] != theirEnds[i]) {
                return "offsets of token " + i + " \"" + tokens[i] + "\": got (" + starts[i] + "," + ends[i]
                        + "), HF (" + theirStarts[i] + "," + theirEnds[i] + ")";
            }
        }
        return null;
    }

    /** DJL gives special tokens no span; HF's Python binding (and bertlab) report them as (0, 0). */
    private static int[] starts(ai.djl.huggingface.tokenizers.Encoding e) {
        return Arrays.stream(e.getCharTokenSpans()).mapToInt(s -> s == null ? 0 : s.getStart()).toArray();
    }

    private static int[] ends(ai.djl.huggingface.tokenizers.Encoding e) {
        return Arrays.stream(e.getCharTokenSpans()).mapToInt(s -> s == null ? 0 : s.getEnd()).toArray();
    }

    private static String window(Object[] values, int at) {
        return Arrays.toString(Arrays.copyOfRange(values, Math.max(0, at - 3), Math.min(values.length, at + 4)));
    }

    private static String window(long[] values, int at) {
        return Arrays.toString(Arrays.copyOfRange(values, Math.max(0, at - 3), Math.min(values.length, at + 4)));
    }
}
