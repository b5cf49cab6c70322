package io.bertlab.tokenizer.core.spi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token added to the vocabulary (special or not), matched in the text before the model sees it; also the one
 * writer of an {@code added_tokens} entry of {@code tokenizer.json}, for the core and for every plugin that builds
 * such a file.
 *
 * @param content its text
 * @param id its id
 * @param special whether it is special (left out when decoding with skip, marked in the special-tokens mask only
 *     when added by the post-processor)
 * @param singleWord only matched when not inside a word
 * @param lstrip also takes the white space before it
 * @param rstrip also takes the white space after it
 * @param normalized matched in normalized text (true) or in the raw input (false)
 * @since 1.3
 */
public record AddedToken(String content, int id, boolean special, boolean singleWord, boolean lstrip, boolean rstrip,
        boolean normalized) {

    /**
     * A token matched in the raw input, neither single-word nor stripping: how HF's converters and trainers add a
     * vocabulary's special (and SentencePiece's user-defined) tokens.
     *
     * @param content its text
     * @param id its id
     * @param special whether it is special
     * @return the token
     */
    public static AddedToken unnormalized(String content, int id, boolean special) {
        return new AddedToken(content, id, special, false, false, false, false);
    }

    /**
     * This token as an {@code added_tokens} entry, in HF's key order.
     *
     * @return the entry
     */
    public Map<String, Object> toJson() {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("id", id);
        token.put("content", content);
        token.put("single_word", singleWord);
        token.put("lstrip", lstrip);
        token.put("rstrip", rstrip);
        token.put("normalized", normalized);
        token.put("special", special);
        return token;
    }
}
