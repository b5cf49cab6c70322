package io.bertlab.tokenizer.core.normalizer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * SentencePiece's compiled normalization rules ({@code precompiled_charsmap}): {@code [uint32 LE trie size in
 * bytes][darts-clone double-array trie units][replacement strings, each NUL-terminated]}. The trie maps the UTF-8
 * bytes of a character sequence to the byte offset of its replacement.
 *
 * <p>Lookups walk the trie over the UTF-8 encoding of code points directly, so nothing is allocated per lookup;
 * replacements are decoded to code points once, here.
 */
final class PrecompiledCharsmap {

    /** A darts-clone unit: bit 8 says a value hangs below, bit 9 scales the offset by 2^8. */
    private static final int HAS_LEAF = 1 << 8;
    private static final int OFFSET_SCALED = 1 << 9;
    private static final int LABEL_MASK = (1 << 31) | 0xFF;
    private static final int VALUE_MASK = (1 << 31) - 1;

    private final int[] units;
    /** The replacement strings as code points, each ended by a 0. */
    private final int[] replacements;
    /** For each byte offset of the replacement blob, the index of its code point in {@link #replacements}. */
    private final int[] codePointAtByte;

    /**
     * Parses a charsmap.
     *
     * @param charsmap the decoded bytes
     * @throws IllegalArgumentException when the sizes do not fit or the replacements are not UTF-8
     */
    PrecompiledCharsmap(byte[] charsmap) {
        ByteBuffer buffer = ByteBuffer.wrap(charsmap).order(ByteOrder.LITTLE_ENDIAN);
        if (charsmap.length < 4) {
            throw new IllegalArgumentException("expected at least 4 bytes (the trie size), found " + charsmap.length);
        }
        long trieBytes = Integer.toUnsignedLong(buffer.getInt());
        if (trieBytes > charsmap.length - 4L) {
            throw new IllegalArgumentException("the trie size says " + trieBytes + " bytes but only "
                    + (charsmap.length - 4) + " follow");
        }
        units = new int[(int) (trieBytes / 4)];
        for (int i = 0; i < units.length; i++) {
            units[i] = buffer.getInt();
        }
        if (units.length == 0) {
            throw new IllegalArgumentException("the trie is empty");
        }
        int blobStart = 4 + (int) trieBytes;
        String blob = decodeUtf8(charsmap, blobStart, charsmap.length - blobStart);
        replacements = blob.codePoints().toArray();
        codePointAtByte = new int[charsmap.length - blobStart + 1];
        for (int cp = 0, at = 0; cp < replacements.length; cp++) {
            int width = utf8Length(replacements[cp]);
            for (int b = 0; b < width; b++) {
                codePointAtByte[at++] = cp;
            }
        }
        codePointAtByte[codePointAtByte.length - 1] = replacements.length;
    }

    private static String decodeUtf8(byte[] bytes, int from, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, length)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the replacement strings are not valid UTF-8", e);
        }
    }

    /**
     * The rule for the shortest prefix of a code point sequence that has one (SentencePiece's common-prefix search,
     * whose first result HuggingFace takes). A NUL byte ends the search, as there.
     *
     * @param codePoints the array holding the sequence
     * @param from its start
     * @param to its end (exclusive)
     * @return the replacement's start in {@link #replacementAt}, or -1 when no prefix has a rule
     */
    int lookup(int[] codePoints, int from, int to) {
        int node = offset(units[0]);
        for (int i = from; i < to; i++) {
            int c = codePoints[i];
            int width = utf8Length(c);
            for (int b = 0; b < width; b++) {
                int label = utf8Byte(c, width, b);
                if (label == 0) {
                    return -1;
                }
                node ^= label;
                if (node < 0 || node >= units.length) {
                    return -1;
                }
                int unit = units[node];
                if ((unit & LABEL_MASK) != label) {
                    return -1;
                }
                node ^= offset(unit);
                if ((unit & HAS_LEAF) != 0 && node >= 0 && node < units.length) {
                    int value = units[node] & VALUE_MASK;
                    return value < codePointAtByte.length ? codePointAtByte[value] : -1;
                }
            }
        }
        return -1;
    }

    /**
     * A code point of the replacements.
     *
     * @param index from {@link #lookup}, then onwards
     * @return the code point, 0 at the end of the replacement
     */
    int replacementAt(int index) {
        return index < replacements.length ? replacements[index] : 0;
    }

    /**
     * The length of a replacement.
     *
     * @param start from {@link #lookup}
     * @return its number of code points
     */
    int replacementLength(int start) {
        int end = start;
        while (end < replacements.length && replacements[end] != 0) {
            end++;
        }
        return end - start;
    }

    private static int offset(int unit) {
        return (unit >>> 10) << ((unit & OFFSET_SCALED) >>> 6);
    }

    /**
     * The number of UTF-8 bytes of a code point.
     *
     * @param c a code point (no surrogates)
     * @return 1 to 4
     */
    static int utf8Length(int c) {
        return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }

    /** Byte {@code b} of the {@code width}-byte UTF-8 encoding of {@code c}. */
    private static int utf8Byte(int c, int width, int b) {
        if (width == 1) {
            return c;
        }
        if (b == 0) {
            int lead = width == 2 ? 0xC0 : width == 3 ? 0xE0 : 0xF0;
            return lead | (c >>> (6 * (width - 1)));
        }
        return 0x80 | ((c >>> (6 * (width - 1 - b))) & 0x3F);
    }
}
