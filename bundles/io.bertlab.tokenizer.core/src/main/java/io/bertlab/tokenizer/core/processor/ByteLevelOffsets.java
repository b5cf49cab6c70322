package io.bertlab.tokenizer.core.processor;

import io.bertlab.tokenizer.core.pipeline.EncodingBuffer;
import io.bertlab.tokenizer.core.text.ByteLevelAlphabet;
import io.bertlab.tokenizer.core.text.UnicodeClasses;

/**
 * Byte-level offset trimming: offsets of tokens that start or end with (byte-level) spaces leave those spaces out,
 * except the one space added as prefix to the first token.
 */
final class ByteLevelOffsets {

    private static final int SPACE = ByteLevelAlphabet.charOf(' ');

    private final boolean addPrefixSpace;

    ByteLevelOffsets(boolean addPrefixSpace) {
        this.addPrefixSpace = addPrefixSpace;
    }

    void trim(EncodingBuffer encoding) {
        trimOne(encoding);
        encoding.overflowing().forEach(this::trimOne);
    }

    private void trimOne(EncodingBuffer encoding) {
        for (int i = 0; i < encoding.length(); i++) {
            String token = encoding.token(i);
            // Byte-level tokens are made of BMP characters, so chars are code points here.
            int length = token.length();
            int leading = 0;
            while (leading < length && isSpace(token.charAt(leading))) {
                leading++;
            }
            int trailing = 0;
            while (trailing < length && isSpace(token.charAt(length - 1 - trailing))) {
                trailing++;
            }
            if (leading == 0 && trailing == 0) {
                continue;
            }
            int start = encoding.start(i);
            int end = encoding.end(i);
            if (leading > 0) {
                boolean first = i == 0 || start == 0;
                if (first && addPrefixSpace && leading == 1) {
                    leading = 0;
                }
                start = Math.min(start + leading, end);
            }
            if (trailing > 0 && end >= trailing) {
                end = Math.max(end - trailing, start);
            }
            encoding.setOffsets(i, start, end);
        }
    }

    private static boolean isSpace(int c) {
        return c == SPACE || UnicodeClasses.isWhitespace(c);
    }
}
