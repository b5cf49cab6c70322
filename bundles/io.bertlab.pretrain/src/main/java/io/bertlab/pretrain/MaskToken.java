package io.bertlab.pretrain;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Tokenizer;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * A tokenizer's own mask token: {@code [MASK]} in BERT's WordPiece vocabularies (and ALBERT's), {@code <mask>} in
 * RoBERTa-style BPE vocabularies. Fill-mask needs it as one token of the text, so it must also be an added token the
 * tokenizer matches before splitting words (as {@code tokenizer.json}'s {@code added_tokens} makes it); a vocabulary
 * entry alone would let {@code [MASK]} in a text fall apart into {@code [}, {@code mask}, {@code ]}.
 *
 * @param token the token as it is written in a text
 * @param id its vocabulary id
 */
record MaskToken(String token, int id) {

    /** The spellings looked for, in order. */
    static final List<String> SPELLINGS = List.of("[MASK]", "<mask>");

    /**
     * Finds the mask token of a tokenizer.
     *
     * @param tokenizer the tokenizer
     * @return its mask token
     * @throws IllegalArgumentException when the vocabulary has none, or the text of the token does not encode to
     *         the token alone (the message says which)
     */
    static MaskToken of(Tokenizer tokenizer) {
        for (String spelling : SPELLINGS) {
            OptionalInt id = tokenizer.tokenToId(spelling);
            if (id.isEmpty()) {
                continue;
            }
            int[] ids = tokenizer.encode(spelling, EncodeOptions.of(false, null, null)).ids();
            if (ids.length != 1 || ids[0] != id.getAsInt()) {
                throw new IllegalArgumentException("the vocabulary has " + spelling + " (id " + id.getAsInt()
                        + ") but the tokenizer splits the text '" + spelling + "' into ids " + Arrays.toString(ids)
                        + ": it is not one of its added tokens, so a text cannot hold it");
            }
            return new MaskToken(spelling, id.getAsInt());
        }
        throw new IllegalArgumentException("the vocabulary has no mask token (neither " + String.join(" nor ",
                SPELLINGS) + "), so there is nothing to fill");
    }
}
