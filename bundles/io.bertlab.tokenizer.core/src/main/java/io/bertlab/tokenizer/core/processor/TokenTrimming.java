package io.bertlab.tokenizer.core.processor;

import java.util.Arrays;

/**
 * Byte-level offset trimming of one token at a time, for a pipeline to apply as the model makes each token: the
 * offsets leave out the (byte-level) spaces at either end of the token's text. HuggingFace trims after truncation,
 * each encoding and each overflowing part apart, but when no prefix space is to be kept on a first token (HF's
 * {@code add_prefix_space} false) a token's trimmed offsets depend on nothing but its text and offsets, so trimming
 * it when it is made gives the same offsets; {@link PostProcessor#tokenTrimming()} offers one only then.
 *
 * <p>The spaces of a vocabulary token are counted once per id ({@link #vocabularyToken}): a token then costs one
 * read in an array of a byte per id, where counting would read the token's characters (vocabulary strings lie all
 * over the heap). An instance therefore belongs to one vocabulary: a pipeline asks its processor for one of its own.
 * Thread-safe: an id's byte is written once, with the counts of the one text that id has; a reader that sees no byte
 * counts the text itself.
 */
public final class TokenTrimming {

    /** The most spaces at one end that an id's byte holds: a byte is {@code WRITTEN | leading << 3 | trailing}. */
    private static final int MOST = 7;
    /** Marks a written byte, so that 0 means "not yet" even for a token without spaces. */
    private static final int WRITTEN = 0x40;

    /** Per id: its counts, or 0; replaced by a longer copy when a larger id comes. */
    private volatile byte[] byId = new byte[0];

    TokenTrimming() {
    }

    /**
     * Trims a token whose text is its vocabulary's for its id (the same text at every call with that id).
     *
     * @param id the token's id, 0 or more
     * @param text the vocabulary's text for that id
     * @param start the token's start offset
     * @param end its end offset
     * @return the trimmed offsets, read with {@link #start} and {@link #end}
     */
    public long vocabularyToken(int id, String text, int start, int end) {
        byte[] known = byId;
        int counts = id >= 0 && id < known.length ? known[id] : 0;
        if (counts == 0) {
            long spaces = TokenSpaces.count(text);
            int leading = TokenSpaces.leading(spaces);
            int trailing = TokenSpaces.trailing(spaces);
            if (id >= 0 && leading <= MOST && trailing <= MOST) {
                remember(id, WRITTEN | leading << 3 | trailing);
            }
            return trimmed(leading, trailing, start, end);
        }
        return trimmed(counts >>> 3 & MOST, counts & MOST, start, end);
    }

    /**
     * Trims any token (an added token, a token that keeps its word's text), counting its spaces.
     *
     * @param text the token's text
     * @param start its start offset
     * @param end its end offset
     * @return the trimmed offsets, read with {@link #start} and {@link #end}
     */
    public long token(String text, int start, int end) {
        long spaces = TokenSpaces.count(text);
        return trimmed(TokenSpaces.leading(spaces), TokenSpaces.trailing(spaces), start, end);
    }

    /**
     * The start of trimmed offsets.
     *
     * @param trimmed what {@link #vocabularyToken} or {@link #token} gave
     * @return the start offset
     */
    public static int start(long trimmed) {
        return (int) (trimmed >>> 32);
    }

    /**
     * The end of trimmed offsets.
     *
     * @param trimmed what {@link #vocabularyToken} or {@link #token} gave
     * @return the end offset
     */
    public static int end(long trimmed) {
        return (int) trimmed;
    }

    /** HuggingFace's {@code process_offsets} for one token, once the first token's kept space is accounted for. */
    static long trimmed(int leading, int trailing, int start, int end) {
        if (leading > 0) {
            start = Math.min(start + leading, end);
        }
        if (trailing > 0 && end >= trailing) {
            end = Math.max(end - trailing, start);
        }
        return (long) start << 32 | (end & 0xFFFFFFFFL);
    }

    private void remember(int id, int counts) {
        byte[] known = byId;
        if (id >= known.length) {
            // A lost race only loses remembered counts, which are counted again.
            known = Arrays.copyOf(known, Math.max(id + 1, known.length * 2));
            byId = known;
        }
        known[id] = (byte) counts;
    }
}
