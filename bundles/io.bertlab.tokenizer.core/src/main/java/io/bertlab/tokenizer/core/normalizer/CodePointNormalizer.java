package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.text.NormalizedText;

/**
 * A normalizer that maps each code point on its own to zero or more code points; every output code point keeps
 * the original span of the code point it came from, as HuggingFace's {@code NormalizedString::transform} does.
 */
abstract class CodePointNormalizer implements Normalizer {

    /** Collects the output of one code point. */
    interface Output {
        void emit(int codePoint);
    }

    /**
     * Maps one code point.
     *
     * @param codePoint the input code point
     * @param out receives the replacement, nothing to delete it
     */
    abstract void map(int codePoint, Output out);

    @Override
    public NormalizedText normalize(NormalizedText text) {
        SpanOutput out = new SpanOutput(NormalizedText.builder(text.length() + 8));
        for (int i = 0, n = text.length(); i < n; i++) {
            out.start = text.originalStart(i);
            out.end = text.originalEnd(i);
            map(text.codePointAt(i), out);
        }
        return out.builder.build();
    }

    /** Appends outputs with the span of the code point being mapped. */
    private static final class SpanOutput implements Output {
        private final NormalizedText.Builder builder;
        private int start;
        private int end;

        SpanOutput(NormalizedText.Builder builder) {
            this.builder = builder;
        }

        @Override
        public void emit(int codePoint) {
            builder.append(codePoint, start, end);
        }
    }
}
