package io.bertlab.api.pretrain;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Tokenizer;
import java.util.List;
import java.util.Random;
import org.osgi.annotation.versioning.ProviderType;

/** What a {@link PretrainingTask} may use while it prepares one instance. */
@ProviderType
public interface PretrainingContext {

    /**
     * The corpus instances are drawn from.
     *
     * @return the corpus
     */
    Corpus corpus();

    /**
     * The tokenizer of the model being trained (for vocabulary look-ups such as {@code [MASK]} and random tokens).
     *
     * @return the tokenizer
     */
    Tokenizer tokenizer();

    /**
     * The run's seeded random source; using only this keeps runs reproducible.
     *
     * @return the random source
     */
    Random random();

    /**
     * The longest sequence, special tokens included.
     *
     * @return the maximum length in tokens
     */
    int maxLength();

    /**
     * The length of a text in tokens of {@link #tokenizer()}, without special tokens.
     *
     * @param text the text
     * @return its token count
     * @since 1.1
     */
    default int tokenCount(String text) {
        return tokenizer().encode(text, EncodeOptions.of(false, null, null)).length();
    }

    /**
     * Sentences of one document joined into a segment.
     *
     * @param text the sentences joined with single spaces
     * @param sentences how many sentences it joins
     * @param tokens its length in tokens, without special tokens
     * @since 1.1
     */
    record Span(String text, int sentences, int tokens) {
    }

    /**
     * A segment made of consecutive sentences of a document, as Google's script fills a segment: from {@code first}
     * on, as many sentences as fit in {@code budget} tokens (counted by {@link #tokenizer()} without special
     * tokens), but always at least one (the tokenizer's truncation then shortens an instance that is too long).
     *
     * @param document the document index
     * @param first the first sentence, within the document
     * @param budget the most tokens the segment should have
     * @return the segment
     * @since 1.1
     */
    default Span span(int document, int first, int budget) {
        List<String> sentences = corpus().document(document);
        StringBuilder text = new StringBuilder(sentences.get(first));
        int tokens = tokenCount(sentences.get(first));
        int end = first + 1;
        for (; end < sentences.size(); end++) {
            int more = tokenCount(sentences.get(end));
            if (tokens + more > budget) {
                break;
            }
            text.append(' ').append(sentences.get(end));
            tokens += more;
        }
        return new Span(text.toString(), end - first, tokens);
    }
}
