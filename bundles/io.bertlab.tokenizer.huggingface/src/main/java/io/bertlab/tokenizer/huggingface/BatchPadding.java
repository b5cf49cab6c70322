package io.bertlab.tokenizer.huggingface;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Padding;
import io.bertlab.api.tokenizer.PaddingStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Pads a batch to its longest encoding, as HuggingFace's {@code encode_batch} does after encoding each input. */
final class BatchPadding {

    private BatchPadding() {
    }

    static List<Encoding> pad(List<Encoding> encodings, EncodeOptions options) {
        Padding padding = options.padding().orElse(null);
        if (padding == null || padding.strategy() != PaddingStrategy.LONGEST) {
            return encodings;
        }
        int length = encodings.stream().mapToInt(Encoding::length).max().orElse(0);
        if (padding.padToMultipleOf() > 0 && length % padding.padToMultipleOf() != 0) {
            length += padding.padToMultipleOf() - length % padding.padToMultipleOf();
        }
        List<Encoding> padded = new ArrayList<>(encodings.size());
        for (Encoding e : encodings) {
            padded.add(padRight(e, length, padding));
        }
        return padded;
    }

    private static Encoding padRight(Encoding e, int length, Padding p) {
        int n = e.length();
        if (n >= length) {
            return e;
        }
        String[] tokens = Arrays.copyOf(e.tokens(), length);
        Arrays.fill(tokens, n, length, p.padToken());
        List<Encoding> overflowing = new ArrayList<>();
        e.overflowing().forEach(o -> overflowing.add(padRight(o, length, p)));
        return new Encoding(tokens, fill(e.ids(), length, p.padId()), fill(e.typeIds(), length, p.padTypeId()),
                fill(e.attentionMask(), length, 0), fill(e.specialTokensMask(), length, 1),
                fill(e.offsetStarts(), length, 0), fill(e.offsetEnds(), length, 0), fill(e.wordIds(), length, -1),
                fill(e.sequenceIds(), length, -1), overflowing);
    }

    private static int[] fill(int[] values, int length, int pad) {
        int[] grown = Arrays.copyOf(values, length);
        Arrays.fill(grown, values.length, length, pad);
        return grown;
    }
}
