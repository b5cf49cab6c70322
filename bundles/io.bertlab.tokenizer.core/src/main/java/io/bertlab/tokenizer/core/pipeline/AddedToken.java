package io.bertlab.tokenizer.core.pipeline;

/**
 * A token added to the vocabulary (special or not), matched in the text before the model sees it.
 *
 * @param content its text
 * @param id its id
 * @param special whether it is special (left out when decoding with skip, marked in the special-tokens mask only
 *     when added by the post-processor)
 * @param singleWord only matched when not inside a word
 * @param lstrip also takes the white space before it
 * @param rstrip also takes the white space after it
 * @param normalized matched in normalized text (true) or in the raw input (false)
 */
public record AddedToken(String content, int id, boolean special, boolean singleWord, boolean lstrip, boolean rstrip,
        boolean normalized) {
}
