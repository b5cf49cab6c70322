package io.bertlab.tokenizer.core.encoding;

import io.bertlab.api.tokenizer.Direction;
import io.bertlab.api.tokenizer.Encoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An encoding under construction, column by column, with HuggingFace's operations on it: merge (with its
 * treatment of overflowing parts), truncate into overflowing parts, pad. The tokens start at {@code head} in the
 * arrays, so that a buffer made with room in front takes a token before the others without moving them.
 */
public final class EncodingBuffer {

    private static final int IDS = 0;
    private static final int TYPE_IDS = 1;
    private static final int STARTS = 2;
    private static final int ENDS = 3;
    private static final int WORD_IDS = 4;
    private static final int SPECIAL = 5;
    private static final int ATTENTION = 6;
    private static final int SEQUENCE_IDS = 7;
    private static final int COLUMNS = 8;

    /** Integer columns, one array each, all with room for the same number of tokens. */
    private int[][] columns = new int[COLUMNS][];
    private String[] tokens;
    /** Where the first token is in the arrays: the room left in front. */
    private int head;
    private int size;
    private List<EncodingBuffer> overflowing = new ArrayList<>();

    /**
     * An empty buffer.
     *
     * @param capacity expected number of tokens
     */
    public EncodingBuffer(int capacity) {
        this(capacity, 0);
    }

    /**
     * An empty buffer with room in front for tokens that {@link #addFirst} will put before the others.
     *
     * @param capacity expected number of tokens, those in front included
     * @param front room in front, in tokens
     */
    public EncodingBuffer(int capacity, int front) {
        int c = Math.max(capacity, 4);
        head = Math.min(front, c);
        for (int k = 0; k < COLUMNS; k++) {
            columns[k] = new int[c];
        }
        tokens = new String[c];
    }

    private void ensureRoom(int extra) {
        if (head + size + extra > tokens.length) {
            int c = Math.max(tokens.length * 2, head + size + extra);
            for (int k = 0; k < COLUMNS; k++) {
                columns[k] = Arrays.copyOf(columns[k], c);
            }
            tokens = Arrays.copyOf(tokens, c);
        }
    }

    /**
     * Appends one token.
     *
     * @param id vocabulary id
     * @param token token text
     * @param typeId segment id
     * @param start original start offset
     * @param end original end offset
     * @param wordId word index or -1
     * @param special 1 for a special token
     * @param sequenceId sequence index or -1
     */
    public void add(int id, String token, int typeId, int start, int end, int wordId, int special, int sequenceId) {
        ensureRoom(1);
        set(head + size++, id, token, typeId, start, end, wordId, special, sequenceId);
    }

    /**
     * Puts one token before the others (a special token that starts a sequence): in the room in front, else moving
     * the others up.
     *
     * @param id vocabulary id
     * @param token token text
     * @param typeId segment id
     * @param start original start offset
     * @param end original end offset
     * @param wordId word index or -1
     * @param special 1 for a special token
     * @param sequenceId sequence index or -1
     */
    public void addFirst(int id, String token, int typeId, int start, int end, int wordId, int special,
            int sequenceId) {
        if (head > 0) {
            head--;
        } else {
            ensureRoom(1);
            for (int k = 0; k < COLUMNS; k++) {
                System.arraycopy(columns[k], 0, columns[k], 1, size);
            }
            System.arraycopy(tokens, 0, tokens, 1, size);
        }
        size++;
        set(head, id, token, typeId, start, end, wordId, special, sequenceId);
    }

    /** Writes one attended token at slot {@code i}. */
    private void set(int i, int id, String token, int typeId, int start, int end, int wordId, int special,
            int sequenceId) {
        columns[IDS][i] = id;
        tokens[i] = token;
        columns[TYPE_IDS][i] = typeId;
        columns[STARTS][i] = start;
        columns[ENDS][i] = end;
        columns[WORD_IDS][i] = wordId;
        columns[SPECIAL][i] = special;
        columns[ATTENTION][i] = 1;
        columns[SEQUENCE_IDS][i] = sequenceId;
    }

    /**
     * The number of tokens.
     *
     * @return the length
     */
    public int length() {
        return size;
    }

    /**
     * A token's id.
     *
     * @param index token index
     * @return the vocabulary id
     */
    public int id(int index) {
        return columns[IDS][head + index];
    }

    /**
     * A token's text.
     *
     * @param index token index
     * @return the text
     */
    public String token(int index) {
        return tokens[head + index];
    }

    /**
     * A token's start offset.
     *
     * @param index token index
     * @return the start
     */
    public int start(int index) {
        return columns[STARTS][head + index];
    }

    /**
     * A token's end offset.
     *
     * @param index token index
     * @return the end
     */
    public int end(int index) {
        return columns[ENDS][head + index];
    }

    /**
     * Changes a token's offsets.
     *
     * @param index token index
     * @param start new start
     * @param end new end
     */
    public void setOffsets(int index, int start, int end) {
        columns[STARTS][head + index] = start;
        columns[ENDS][head + index] = end;
    }

    /**
     * Sets every type id.
     *
     * @param typeId the segment id
     */
    public void setTypeIds(int typeId) {
        Arrays.fill(columns[TYPE_IDS], head, head + size, typeId);
    }

    /**
     * Sets every sequence id (HuggingFace's {@code set_sequence_id}).
     *
     * @param sequenceId the sequence index
     */
    public void setSequenceId(int sequenceId) {
        Arrays.fill(columns[SEQUENCE_IDS], head, head + size, sequenceId);
    }

    /**
     * The overflowing parts (mutable).
     *
     * @return the list
     */
    public List<EncodingBuffer> overflowing() {
        return overflowing;
    }

    private EncodingBuffer slice(int from, int to) {
        EncodingBuffer part = new EncodingBuffer(to - from);
        part.appendColumns(this, from, to);
        return part;
    }

    private void appendColumns(EncodingBuffer other, int from, int to) {
        int n = to - from;
        ensureRoom(n);
        for (int k = 0; k < COLUMNS; k++) {
            System.arraycopy(other.columns[k], other.head + from, columns[k], head + size, n);
        }
        System.arraycopy(other.tokens, other.head + from, tokens, head + size, n);
        size += n;
    }

    /**
     * Appends another encoding's tokens and nothing of its overflowing parts, for a processor that places those
     * itself.
     *
     * @param other the encoding whose tokens to append (not modified)
     */
    public void appendTokens(EncodingBuffer other) {
        appendColumns(other, 0, other.length());
    }

    /**
     * Appends another encoding, combining overflowing parts as HuggingFace's {@code merge_with} does: each of
     * ours with the other and with each of its overflowing parts, then ourselves with each of its parts.
     *
     * @param pair the encoding to append (not modified)
     */
    public void mergeWith(EncodingBuffer pair) {
        List<EncodingBuffer> combined = combinedOverflowing(this, pair);
        appendColumns(pair, 0, pair.length());
        overflowing = combined;
    }

    /**
     * HuggingFace's {@code self.clone().merge_with(pair)} without the clone: a new buffer of exactly the two lengths.
     * The parts of a long pair number the product of the two texts' parts, so no part is copied twice or given
     * room it will not use.
     */
    private static EncodingBuffer merged(EncodingBuffer first, EncodingBuffer second) {
        EncodingBuffer result = new EncodingBuffer(first.size + second.size);
        result.appendColumns(first, 0, first.size);
        result.appendColumns(second, 0, second.size);
        result.overflowing = combinedOverflowing(first, second);
        return result;
    }

    private static List<EncodingBuffer> combinedOverflowing(EncodingBuffer self, EncodingBuffer pair) {
        List<EncodingBuffer> own = self.overflowing;
        List<EncodingBuffer> other = pair.overflowing;
        if (own.isEmpty() && other.isEmpty()) {
            return new ArrayList<>();
        }
        List<EncodingBuffer> combined = new ArrayList<>(own.size() * (1 + other.size()) + other.size());
        for (EncodingBuffer o : own) {
            combined.add(merged(o, pair));
            for (EncodingBuffer p : other) {
                combined.add(merged(o, p));
            }
        }
        for (EncodingBuffer p : other) {
            combined.add(merged(self, p));
        }
        return combined;
    }

    /**
     * Keeps at most {@code maxLength} tokens; the rest become overflowing parts of that length that overlap by
     * {@code stride} tokens (HuggingFace's {@code Encoding::truncate}).
     *
     * @param maxLength the length to keep
     * @param stride the overlap of consecutive parts
     * @param direction which end is cut
     * @throws IllegalArgumentException when {@code stride >= maxLength}
     */
    public void truncate(int maxLength, int stride, Direction direction) {
        int n = length();
        if (maxLength >= n) {
            return;
        }
        if (maxLength == 0) {
            EncodingBuffer all = slice(0, n);
            all.overflowing = overflowing;
            clear();
            overflowing = new ArrayList<>(List.of(all));
            return;
        }
        if (stride >= maxLength) {
            throw new IllegalArgumentException("truncation stride (" + stride + ") must be smaller than max_length ("
                    + maxLength + ") minus the special tokens");
        }
        int step = maxLength - stride;
        List<int[]> parts = new ArrayList<>();
        if (direction == Direction.RIGHT) {
            for (int start = 0; start < n; start += step) {
                int stop = Math.min(start + maxLength, n);
                parts.add(new int[] {start, stop});
                if (stop == n) {
                    break;
                }
            }
        } else {
            for (int last = n - 1; last >= 0; last -= step) {
                int stop = last + 1;
                int start = Math.max(0, stop - maxLength);
                parts.add(new int[] {start, stop});
                if (start == 0) {
                    break;
                }
            }
        }
        List<EncodingBuffer> rest = new ArrayList<>();
        for (int i = 1; i < parts.size(); i++) {
            rest.add(slice(parts.get(i)[0], parts.get(i)[1]));
        }
        EncodingBuffer first = slice(parts.get(0)[0], parts.get(0)[1]);
        clear();
        appendColumns(first, 0, first.length());
        overflowing = rest;
    }

    private void clear() {
        Arrays.fill(tokens, head, head + size, null);
        size = 0;
    }

    /**
     * Pads to a length (this encoding and its overflowing parts); longer encodings stay as they are.
     *
     * @param targetLength the length
     * @param padId pad id
     * @param padTypeId pad type id
     * @param padToken pad token text
     * @param direction where pads go
     */
    public void pad(int targetLength, int padId, int padTypeId, String padToken, Direction direction) {
        for (EncodingBuffer o : overflowing) {
            o.pad(targetLength, padId, padTypeId, padToken, direction);
        }
        int count = targetLength - size;
        if (count <= 0) {
            return;
        }
        ensureRoom(count);
        int at = direction == Direction.RIGHT ? head + size : head;
        if (direction == Direction.LEFT) {
            for (int k = 0; k < COLUMNS; k++) {
                System.arraycopy(columns[k], head, columns[k], head + count, size);
            }
            System.arraycopy(tokens, head, tokens, head + count, size);
        }
        Arrays.fill(columns[IDS], at, at + count, padId);
        Arrays.fill(columns[TYPE_IDS], at, at + count, padTypeId);
        Arrays.fill(tokens, at, at + count, padToken);
        Arrays.fill(columns[STARTS], at, at + count, 0);
        Arrays.fill(columns[ENDS], at, at + count, 0);
        Arrays.fill(columns[WORD_IDS], at, at + count, -1);
        Arrays.fill(columns[SPECIAL], at, at + count, 1);
        Arrays.fill(columns[ATTENTION], at, at + count, 0);
        Arrays.fill(columns[SEQUENCE_IDS], at, at + count, -1);
        size += count;
    }

    /**
     * The immutable result.
     *
     * @return the encoding, overflowing parts included
     */
    public Encoding toEncoding() {
        List<Encoding> overflow = new ArrayList<>(overflowing.size());
        for (EncodingBuffer o : overflowing) {
            overflow.add(o.toEncoding());
        }
        return new Encoding(head == 0 && tokens.length == size ? tokens : Arrays.copyOfRange(tokens, head, head + size),
                column(IDS), column(TYPE_IDS), column(ATTENTION),
                column(SPECIAL), column(STARTS), column(ENDS), column(WORD_IDS), column(SEQUENCE_IDS), overflow);
    }

    /** A column of exactly the tokens; the array itself when it has no spare room (Encoding copies it anyway). */
    private int[] column(int k) {
        return head == 0 && columns[k].length == size ? columns[k] : Arrays.copyOfRange(columns[k], head, head + size);
    }
}
