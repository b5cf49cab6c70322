package io.bertlab.tokenizer.core.processor;

import io.bertlab.tokenizer.core.encoding.EncodingBuffer;

/**
 * Byte-level offset trimming: offsets of tokens that start or end with (byte-level) spaces leave those spaces out,
 * except the one space added as prefix to the first token. Thread-safe.
 */
final class ByteLevelOffsets {

    private final boolean addPrefixSpace;
    private final TokenSpaces tokenSpaces = new TokenSpaces();

    ByteLevelOffsets(boolean addPrefixSpace) {
        this.addPrefixSpace = addPrefixSpace;
    }

    void trim(EncodingBuffer encoding) {
        trimOne(encoding);
        encoding.overflowing().forEach(this::trimOne);
    }

    private void trimOne(EncodingBuffer encoding) {
        for (int i = 0; i < encoding.length(); i++) {
            long spaces = tokenSpaces.spaces(encoding.id(i), encoding.token(i));
            int leading = TokenSpaces.leading(spaces);
            int trailing = TokenSpaces.trailing(spaces);
            if (leading == 0 && trailing == 0) {
                continue;
            }
            int start = encoding.start(i);
            int end = encoding.end(i);
            if (leading == 1 && addPrefixSpace && (i == 0 || start == 0)) {
                // The space added as prefix stays on the first token (HF still clamps the start to the end).
                leading = 0;
                start = Math.min(start, end);
            }
            long trimmed = TokenTrimming.trimmed(leading, trailing, start, end);
            encoding.setOffsets(i, TokenTrimming.start(trimmed), TokenTrimming.end(trimmed));
        }
    }
}
