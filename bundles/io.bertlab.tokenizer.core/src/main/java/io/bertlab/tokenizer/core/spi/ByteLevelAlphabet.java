package io.bertlab.tokenizer.core.spi;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * GPT-2's reversible mapping of the 256 byte values to printable characters: printable Latin-1 bytes map to
 * themselves, the others to U+0100 onwards in byte order. Shared by the byte-level pre-tokenizer, normalizer and
 * decoder and by the trainers, whose byte-level vocabularies always hold the whole alphabet.
 *
 * @since 1.3
 */
public final class ByteLevelAlphabet {

    private static final int[] BYTE_TO_CHAR = new int[256];
    private static final int[] CHAR_TO_BYTE = new int[0x200];

    static {
        Arrays.fill(CHAR_TO_BYTE, -1);
        int next = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            int c = printable ? b : 0x100 + next++;
            BYTE_TO_CHAR[b] = c;
            CHAR_TO_BYTE[c] = b;
        }
    }

    private ByteLevelAlphabet() {
    }

    /**
     * The character standing for a byte.
     *
     * @param b a byte value 0..255
     * @return its character
     */
    public static int charOf(int b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /**
     * The byte a character stands for.
     *
     * @param c a character
     * @return the byte 0..255, or -1 when {@code c} is not in the alphabet
     */
    public static int byteOf(int c) {
        return c >= 0 && c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
    }

    /**
     * The 256 characters in byte order.
     *
     * @return their code points, in the order of the bytes they stand for
     */
    public static Set<Integer> characters() {
        Set<Integer> characters = new LinkedHashSet<>();
        for (int c : BYTE_TO_CHAR) {
            characters.add(c);
        }
        return characters;
    }

    /**
     * The number of byte-level characters of a code point: the length of its UTF-8 encoding.
     *
     * @param c the code point
     * @return 1 to 4
     */
    public static int utf8Length(int c) {
        return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    }

    /**
     * Emits the byte-level characters of a code point's UTF-8 encoding.
     *
     * @param c the code point
     * @param sink receives one character per byte
     */
    public static void encode(int c, IntConsumer sink) {
        if (c < 0x80) {
            sink.accept(BYTE_TO_CHAR[c]);
        } else if (c < 0x800) {
            sink.accept(BYTE_TO_CHAR[0xC0 | (c >> 6)]);
            sink.accept(BYTE_TO_CHAR[0x80 | (c & 0x3F)]);
        } else if (c < 0x10000) {
            sink.accept(BYTE_TO_CHAR[0xE0 | (c >> 12)]);
            sink.accept(BYTE_TO_CHAR[0x80 | ((c >> 6) & 0x3F)]);
            sink.accept(BYTE_TO_CHAR[0x80 | (c & 0x3F)]);
        } else {
            sink.accept(BYTE_TO_CHAR[0xF0 | (c >> 18)]);
            sink.accept(BYTE_TO_CHAR[0x80 | ((c >> 12) & 0x3F)]);
            sink.accept(BYTE_TO_CHAR[0x80 | ((c >> 6) & 0x3F)]);
            sink.accept(BYTE_TO_CHAR[0x80 | (c & 0x3F)]);
        }
    }
}
