package io.bertlab.tokenizer.trainer;

/**
 * One merge a BPE trainer learned.
 *
 * @param left the left token
 * @param right the right token
 * @param count how often the pair occurred in the corpus when it was merged
 */
record LearnedMerge(String left, String right, long count) {
}
