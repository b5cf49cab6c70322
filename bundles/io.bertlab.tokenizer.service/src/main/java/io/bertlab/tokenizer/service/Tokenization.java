package io.bertlab.tokenizer.service;

/**
 * One text through one tokenizer, as {@code compare-tokenizers} reports it.
 *
 * @param label the tokenizer's label
 * @param tokens the tokens, special tokens included
 * @param ids their ids
 * @param specialTokens how many of the tokens are special ({@code [CLS]}, {@code [SEP]}, ...)
 * @param unknown how many are the vocabulary's unknown token
 * @param decoded the ids decoded back to text, special tokens skipped
 * @param roundTrip how the decoded text compares with the text
 */
record Tokenization(String label, String[] tokens, int[] ids, int specialTokens, int unknown, String decoded,
        RoundTrip roundTrip) {

    /** All tokens, as the model sees them. */
    int length() {
        return tokens.length;
    }

    /** The tokens the text itself became: what tokens-per-word counts. */
    int textTokens() {
        return tokens.length - specialTokens;
    }
}
