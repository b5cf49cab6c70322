package io.bertlab.tokenizer.core.pipeline;

import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.api.tokenizer.TruncationStrategy;
import io.bertlab.tokenizer.core.encoding.EncodingBuffer;

/** HuggingFace's {@code truncate_encodings}: decides how many tokens each sequence of an input keeps. */
final class Truncator {

    /**
     * Truncates one input.
     *
     * @param first the first sequence
     * @param second the second sequence, or null
     * @param t the settings, {@code maxLength} already reduced by the special tokens to come
     * @throws IllegalArgumentException when the chosen sequence is too short to remove enough tokens
     */
    void truncate(EncodingBuffer first, EncodingBuffer second, Truncation t) {
        int maxLength = t.maxLength();
        if (maxLength == 0) {
            first.truncate(0, t.stride(), t.direction());
            if (second != null) {
                second.truncate(0, t.stride(), t.direction());
            }
            return;
        }
        int total = first.length() + (second == null ? 0 : second.length());
        if (total <= maxLength) {
            return;
        }
        int toRemove = total - maxLength;
        if (t.strategy() == TruncationStrategy.LONGEST_FIRST) {
            if (second == null) {
                first.truncate(total - toRemove, t.stride(), t.direction());
                return;
            }
            int n1 = first.length();
            int n2 = second.length();
            boolean swap = n1 > n2;
            if (swap) {
                int tmp = n1;
                n1 = n2;
                n2 = tmp;
            }
            if (n1 > maxLength / 2) {
                n1 = maxLength / 2;
                n2 = n1 + maxLength % 2;
            } else {
                n2 = maxLength - n1;
            }
            if (swap) {
                int tmp = n1;
                n1 = n2;
                n2 = tmp;
            }
            first.truncate(n1, t.stride(), t.direction());
            second.truncate(n2, t.stride(), t.direction());
            return;
        }
        EncodingBuffer target = t.strategy() == TruncationStrategy.ONLY_FIRST ? first : second;
        if (target == null) {
            throw new IllegalArgumentException("Truncation error: Second sequence not provided");
        }
        if (target.length() > toRemove) {
            target.truncate(target.length() - toRemove, t.stride(), t.direction());
        } else {
            throw new IllegalArgumentException(
                    "Truncation error: Sequence to truncate too short to respect the provided max_length");
        }
    }
}
