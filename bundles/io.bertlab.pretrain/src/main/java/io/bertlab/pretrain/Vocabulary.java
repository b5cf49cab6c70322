package io.bertlab.pretrain;

import io.bertlab.api.tokenizer.Tokenizer;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A WordPiece vocabulary in id order, as Google's script sees it ({@code list(tokenizer.vocab.keys())}, which is
 * {@code vocab.txt}'s line order): random replacement tokens are drawn by index from it, so the order matters for
 * bit-exact output.
 */
public final class Vocabulary {

    private final String[] tokens;
    private final boolean[] continuation;
    private final int cls;
    private final int sep;
    private final int mask;

    private Vocabulary(String[] tokens, int cls, int sep, int mask) {
        this.tokens = tokens;
        this.cls = cls;
        this.sep = sep;
        this.mask = mask;
        this.continuation = new boolean[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            continuation[i] = tokens[i] != null && tokens[i].startsWith("##");
        }
    }

    /**
     * The vocabulary of a tokenizer.
     *
     * @param tokenizer a tokenizer with {@code [CLS]}, {@code [SEP]} and {@code [MASK]}
     * @return the vocabulary
     * @throws IllegalArgumentException naming the special tokens the vocabulary lacks, or when its ids have gaps
     */
    public static Vocabulary of(Tokenizer tokenizer) {
        Map<String, Integer> byToken = tokenizer.vocabulary();
        int size = 0;
        for (int id : byToken.values()) {
            size = Math.max(size, id + 1);
        }
        String[] tokens = new String[size];
        for (Map.Entry<String, Integer> entry : byToken.entrySet()) {
            tokens[entry.getValue()] = entry.getKey();
        }
        for (int i = 0; i < size; i++) {
            if (tokens[i] == null) {
                throw new IllegalArgumentException("the vocabulary has no token with id " + i
                        + " (ids must run from 0 without gaps, as the lines of vocab.txt do)");
            }
        }
        StringBuilder missing = new StringBuilder();
        int cls = find(tokenizer, "[CLS]", missing);
        int sep = find(tokenizer, "[SEP]", missing);
        int mask = find(tokenizer, "[MASK]", missing);
        if (missing.length() > 0) {
            throw new IllegalArgumentException("the vocabulary has no" + missing
                    + " token; pre-training data needs BERT's [CLS], [SEP] and [MASK]");
        }
        return new Vocabulary(tokens, cls, sep, mask);
    }

    private static int find(Tokenizer tokenizer, String token, StringBuilder missing) {
        OptionalInt id = tokenizer.tokenToId(token);
        if (id.isEmpty()) {
            missing.append(' ').append(token);
            return -1;
        }
        return id.getAsInt();
    }

    /** @return the number of tokens, the range random replacements are drawn from */
    public int size() {
        return tokens.length;
    }

    /**
     * A token's text.
     *
     * @param id from 0 to {@link #size()} - 1
     * @return its token
     */
    public String token(int id) {
        return tokens[id];
    }

    /**
     * Whether a token continues the previous word ({@code ##} prefix), for whole-word masking.
     *
     * @param id a token id
     * @return whether it starts with {@code ##}
     */
    public boolean isContinuation(int id) {
        return continuation[id];
    }

    /** @return the id of {@code [CLS]} */
    public int cls() {
        return cls;
    }

    /** @return the id of {@code [SEP]} */
    public int sep() {
        return sep;
    }

    /** @return the id of {@code [MASK]} */
    public int mask() {
        return mask;
    }
}
