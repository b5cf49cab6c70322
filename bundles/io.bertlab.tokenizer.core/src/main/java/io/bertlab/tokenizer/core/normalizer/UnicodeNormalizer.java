package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.text.UnicodeClasses;
import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * NFC, NFD, NFKC or NFKD. NFD and NFKD align exactly as HuggingFace does (see {@link Decomposition}). NFC and NFKC
 * normalize segment by segment (a segment is a code point with combining class 0 and the marks that follow it), so
 * that each output code point can be aligned: when a segment keeps its length, code points align one to one;
 * otherwise each output takes the span of the input code point at the same position, or of the last one when the
 * segment grew.
 */
public final class UnicodeNormalizer implements Normalizer {

    private final java.text.Normalizer.Form form;
    private final Decomposition decomposition;

    /**
     * A Unicode normalizer.
     *
     * @param form the normalization form
     */
    public UnicodeNormalizer(java.text.Normalizer.Form form) {
        this.form = form;
        this.decomposition = switch (form) {
            case NFD -> new Decomposition(false);
            case NFKD -> new Decomposition(true);
            default -> null;
        };
    }

    @Override
    public NormalizedText normalize(NormalizedText text) {
        if (decomposition != null) {
            return decomposition.apply(text);
        }
        int n = text.length();
        NormalizedText.Builder builder = NormalizedText.builder(n + 8);
        int segmentStart = 0;
        while (segmentStart < n) {
            int segmentEnd = segmentStart + 1;
            while (segmentEnd < n && UnicodeClasses.isCombiningMark(text.codePointAt(segmentEnd))) {
                segmentEnd++;
            }
            appendSegment(text, segmentStart, segmentEnd, builder);
            segmentStart = segmentEnd;
        }
        return builder.build();
    }

    private void appendSegment(NormalizedText text, int from, int to, NormalizedText.Builder builder) {
        if (to - from == 1 && text.codePointAt(from) < 0x80) {
            builder.copy(text, from);
            return;
        }
        String segment = new String(text.array(), text.arrayOffset() + from, to - from);
        int[] out = java.text.Normalizer.normalize(segment, form).codePoints().toArray();
        int inLength = to - from;
        for (int i = 0; i < out.length; i++) {
            int source = from + Math.min(i, inLength - 1);
            builder.append(out[i], text.originalStart(source), text.originalEnd(source));
        }
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", form.name());
        return json;
    }
}
