package io.bertlab.api.tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/** What a {@link TokenizerTrainer} produced: a ready tokenizer that can be saved as {@code tokenizer.json}. */
@ProviderType
public interface TrainingResult {

    /**
     * The trained tokenizer.
     *
     * @return the tokenizer
     */
    Tokenizer tokenizer();

    /**
     * Writes the tokenizer as a HuggingFace {@code tokenizer.json}, loadable by HuggingFace and by
     * {@link TokenizerLoader}.
     *
     * @param file the file to write
     * @throws IOException when it cannot be written
     */
    void save(Path file) throws IOException;

    /**
     * The merges learned, in the order learned, with their counts: what a course shows of BPE training.
     *
     * @return the merges; empty for models that learn none (Unigram)
     * @since 1.2
     */
    default List<Merge> merges() {
        return List.of();
    }

    /**
     * One merge a BPE-family trainer learned.
     *
     * @param left the left token
     * @param right the right token
     * @param count how often the pair occurred in the corpus when it was merged
     * @since 1.2
     */
    record Merge(String left, String right, long count) {

        /**
         * Checks the tokens.
         *
         * @param left the left token
         * @param right the right token
         * @param count the pair's count
         */
        public Merge {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }
}
