package io.bertlab.tokenizer.huggingface;

import io.bertlab.api.tokenizer.Encoding;
import java.util.Arrays;

/** Compares bertlab's encoding with HuggingFace's, column by column, and describes the first difference. */
final class EncodingComparison {

    private EncodingComparison() {
    }

    /**
     * @return null when equal, else what differs (column, first index, both values)
     */
    static String difference(Encoding ours, HuggingFaceOracle.OracleEncoding theirs) {
        String d = column("tokens", ours.tokens(), theirs.tokens());
        d = d != null ? d : column("ids", ours.ids(), theirs.ids());
        d = d != null ? d : column("type_ids", ours.typeIds(), theirs.typeIds());
        d = d != null ? d : column("attention_mask", ours.attentionMask(), theirs.attentionMask());
        d = d != null ? d : column("special_tokens_mask", ours.specialTokensMask(), theirs.specialTokensMask());
        d = d != null ? d : column("word_ids", ours.wordIds(), theirs.wordIds());
        d = d != null ? d : offsets(ours, theirs);
        if (d == null && ours.overflowing().size() != theirs.overflowing().size()) {
            d = "overflowing: " + ours.overflowing().size() + " parts, HF " + theirs.overflowing().size();
        }
        for (int i = 0; d == null && i < ours.overflowing().size(); i++) {
            String o = difference(ours.overflowing().get(i), theirs.overflowing().get(i));
            d = o == null ? null : "overflowing[" + i + "]: " + o;
        }
        return d;
    }

    private static String offsets(Encoding ours, HuggingFaceOracle.OracleEncoding theirs) {
        int[] starts = ours.offsetStarts();
        int[] ends = ours.offsetEnds();
        int[] sequences = ours.sequenceIds();
        for (int i = 0; i < starts.length; i++) {
            if (!theirs.hasOffsets()[i]) {
                // HuggingFace reports no offsets for tokens outside every sequence: ours must be such tokens.
                if (sequences[i] != -1 || starts[i] != 0 || ends[i] != 0) {
                    return "offsets[" + i + "]: ours (" + starts[i] + "," + ends[i] + ") in sequence " + sequences[i]
                            + ", HF none (special or padding)";
                }
            } else if (starts[i] != theirs.starts()[i] || ends[i] != theirs.ends()[i]) {
                return "offsets[" + i + "] (token " + ours.token(i) + "): ours (" + starts[i] + "," + ends[i]
                        + "), HF (" + theirs.starts()[i] + "," + theirs.ends()[i] + ")";
            }
        }
        return null;
    }

    private static String column(String name, int[] ours, int[] theirs) {
        return Arrays.equals(ours, theirs) ? null : name + " differ at " + firstDifference(ours, theirs) + ":\n    ours "
                + excerpt(Arrays.toString(ours), ours.length) + "\n    HF   " + excerpt(Arrays.toString(theirs), theirs.length);
    }

    private static String column(String name, String[] ours, String[] theirs) {
        if (Arrays.equals(ours, theirs)) {
            return null;
        }
        int i = 0;
        while (i < Math.min(ours.length, theirs.length) && ours[i].equals(theirs[i])) {
            i++;
        }
        int from = Math.max(0, i - 3);
        return name + " differ at " + i + " (lengths " + ours.length + " vs " + theirs.length + "):\n    ours "
                + Arrays.toString(Arrays.copyOfRange(ours, from, Math.min(ours.length, i + 4))) + "\n    HF   "
                + Arrays.toString(Arrays.copyOfRange(theirs, from, Math.min(theirs.length, i + 4)));
    }

    private static int firstDifference(int[] a, int[] b) {
        int i = 0;
        while (i < Math.min(a.length, b.length) && a[i] == b[i]) {
            i++;
        }
        return i;
    }

    private static String excerpt(String s, int n) {
        return s.length() > 300 ? s.substring(0, 300) + "... (" + n + " values)" : s;
    }
}
