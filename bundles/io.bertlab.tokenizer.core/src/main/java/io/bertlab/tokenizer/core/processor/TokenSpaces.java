package io.bertlab.tokenizer.core.processor;

import io.bertlab.tokenizer.core.spi.ByteLevelAlphabet;
import io.bertlab.tokenizer.core.text.UnicodeClasses;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The (byte-level) spaces at either end of each token, counted once per id. Counting reads a token's characters,
 * and the vocabulary's strings lie all over the heap, so counting every token of every encoding cost a cache miss
 * or two per token (offset trimming was a sixth of RoBERTa's encoding time); here a token costs one read in each of
 * two arrays indexed by id, five bytes an id.
 *
 * <p>An id's slot belongs to the first string seen with that id and holds its counts. The string is compared by
 * identity because one id can come with different texts (an unknown token that keeps the word's text, an added
 * token sharing an id with a vocabulary token); those others are counted each time, as are tokens with more than
 * {@value #MOST} spaces at an end. Thread-safe: a slot is claimed before its counts are written, and counts are
 * used only once written, so a reader never pairs a string with another's counts.
 */
final class TokenSpaces {

    private static final int SPACE = ByteLevelAlphabet.charOf(' ');
    /** The most spaces at one end that a slot holds: a slot is {@code WRITTEN | leading << 3 | trailing}. */
    private static final int MOST = 7;
    /** Marks a written slot, so that a slot's 0 means "not yet" even for a token without spaces. */
    private static final int WRITTEN = 0x40;
    private static final VarHandle OWNERS = MethodHandles.arrayElementVarHandle(String[].class);
    private static final VarHandle COUNTS = MethodHandles.arrayElementVarHandle(byte[].class);

    /** Slots for ids below its length; replaced by a longer one (with no slot taken) when a larger id comes. */
    private volatile Slots slots = new Slots(0);

    /**
     * A token's spaces.
     *
     * @param id its id
     * @param token its text
     * @return the counts, read with {@link #leading} and {@link #trailing}
     */
    long spaces(int id, String token) {
        if (id < 0) {
            return count(token);
        }
        Slots current = slots;
        if (id >= current.owners.length) {
            current = new Slots(Math.max(id + 1, current.owners.length * 2));
            slots = current;
        }
        Object owner = OWNERS.getAcquire(current.owners, id);
        if (owner == token) {
            int slot = (byte) COUNTS.getAcquire(current.counts, id);
            if (slot != 0) {
                return spaces(slot >>> 3 & MOST, slot & MOST);
            }
        } else if (owner == null && OWNERS.compareAndSet(current.owners, id, null, token)) {
            long counted = count(token);
            if (leading(counted) <= MOST && trailing(counted) <= MOST) {
                COUNTS.setRelease(current.counts, id, (byte) (WRITTEN | leading(counted) << 3 | trailing(counted)));
            }
            return counted;
        }
        return count(token);
    }

    /**
     * The spaces at a token's start.
     *
     * @param spaces what {@link #spaces} gave
     * @return the count
     */
    static int leading(long spaces) {
        return (int) (spaces >>> 32);
    }

    /**
     * The spaces at a token's end.
     *
     * @param spaces what {@link #spaces} gave
     * @return the count
     */
    static int trailing(long spaces) {
        return (int) spaces;
    }

    private static long spaces(int leading, int trailing) {
        return (long) leading << 32 | trailing;
    }

    /** Counts a token's spaces by reading its characters. */
    static long count(String token) {
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
        return spaces(leading, trailing);
    }

    private static boolean isSpace(int c) {
        return c == SPACE || UnicodeClasses.isWhitespace(c);
    }

    /** Per id: the string that owns the slot and its counts. */
    private static final class Slots {
        final String[] owners;
        final byte[] counts;

        Slots(int length) {
            owners = new String[length];
            counts = new byte[length];
        }
    }
}
