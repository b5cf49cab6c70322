package io.bertlab.api.pretrain;

import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.tokenizer.Encoding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One training instance as it moves through the tasks: where it comes from in the corpus, its text segments, then
 * its encoding and (possibly changed) input ids, and the targets each task added. Immutable: tasks return changed
 * copies.
 */
public final class PretrainingInstance {

    private final int document;
    private final int sentence;
    private final int sentences;
    private final String textA;
    private final String textB;
    private final Encoding encoding;
    private final int[] inputIds;
    private final Map<String, HeadTarget> targets;

    private PretrainingInstance(int document, int sentence, int sentences, String textA, String textB,
            Encoding encoding, int[] inputIds, Map<String, HeadTarget> targets) {
        this.document = document;
        this.sentence = sentence;
        this.sentences = sentences;
        this.textA = Objects.requireNonNull(textA, "textA");
        this.textB = textB;
        this.encoding = encoding;
        this.inputIds = inputIds;
        this.targets = Collections.unmodifiableMap(targets);
    }

    /**
     * A new instance starting at a sentence of the corpus.
     *
     * @param document the document index
     * @param sentence the index of the first sentence of segment A within the document
     * @param textA segment A
     * @return the instance, not yet encoded
     */
    public static PretrainingInstance start(int document, int sentence, String textA) {
        return start(document, sentence, 1, textA);
    }

    /**
     * A new instance whose segment A is a run of sentences of the corpus.
     *
     * @param document the document index
     * @param sentence the index of the first sentence of segment A within the document
     * @param sentences how many sentences, from {@code sentence} on, segment A joins (at least 1)
     * @param textA segment A: those sentences joined with single spaces
     * @return the instance, not yet encoded
     * @since 1.1
     */
    public static PretrainingInstance start(int document, int sentence, int sentences, String textA) {
        if (sentences < 1) {
            throw new IllegalArgumentException("segment A spans at least one sentence, got " + sentences);
        }
        return new PretrainingInstance(document, sentence, sentences, textA, null, null, null, new LinkedHashMap<>());
    }

    /** @return the document segment A comes from */
    public int document() {
        return document;
    }

    /** @return the first sentence of segment A within its document */
    public int sentence() {
        return sentence;
    }

    /**
     * @return how many sentences segment A joins, from {@link #sentence()} on (the text stage's first choice; a
     *         task that replaces segment A does not change it)
     * @since 1.1
     */
    public int sentences() {
        return sentences;
    }

    /** @return segment A */
    public String textA() {
        return textA;
    }

    /** @return segment B, when the instance is a pair */
    public Optional<String> textB() {
        return Optional.ofNullable(textB);
    }

    /** @return the encoding of the segments, once encoded */
    public Optional<Encoding> encoding() {
        return Optional.ofNullable(encoding);
    }

    /**
     * The input ids the model sees: the encoding's ids unless a task replaced some (Masked LM).
     *
     * @return a copy of the ids
     * @throws IllegalStateException before encoding
     */
    public int[] inputIds() {
        if (encoding == null) {
            throw new IllegalStateException("instance not encoded yet");
        }
        return (inputIds != null ? inputIds : encoding.ids()).clone();
    }

    /** @return the targets added so far, by head name */
    public Map<String, HeadTarget> targets() {
        return targets;
    }

    /**
     * Replaces segment A (for a task that reorders the segments, such as sentence-order prediction).
     *
     * @param text the new segment A
     * @return a changed copy
     * @since 1.1
     */
    public PretrainingInstance withTextA(String text) {
        return new PretrainingInstance(document, sentence, sentences, text, textB, encoding, inputIds,
                new LinkedHashMap<>(targets));
    }

    /**
     * Sets segment B.
     *
     * @param text segment B, or {@code null} for a single segment
     * @return a changed copy
     */
    public PretrainingInstance withTextB(String text) {
        return new PretrainingInstance(document, sentence, sentences, textA, text, encoding, inputIds,
                new LinkedHashMap<>(targets));
    }

    /**
     * Sets the encoding of the segments (which resets replaced input ids).
     *
     * @param value the encoding
     * @return a changed copy
     */
    public PretrainingInstance withEncoding(Encoding value) {
        return new PretrainingInstance(document, sentence, sentences, textA, textB, Objects.requireNonNull(value), null,
                new LinkedHashMap<>(targets));
    }

    /**
     * Replaces the input ids (same length as the encoding).
     *
     * @param ids the new ids
     * @return a changed copy
     */
    public PretrainingInstance withInputIds(int[] ids) {
        if (encoding == null || ids.length != encoding.length()) {
            throw new IllegalArgumentException("input ids must match the encoding's length");
        }
        return new PretrainingInstance(document, sentence, sentences, textA, textB, encoding, ids.clone(),
                new LinkedHashMap<>(targets));
    }

    /**
     * Adds the target of one head.
     *
     * @param head the head's name
     * @param target its target for this instance
     * @return a changed copy
     */
    public PretrainingInstance withTarget(String head, HeadTarget target) {
        Map<String, HeadTarget> changed = new LinkedHashMap<>(targets);
        changed.put(Objects.requireNonNull(head), Objects.requireNonNull(target));
        return new PretrainingInstance(document, sentence, sentences, textA, textB, encoding, inputIds, changed);
    }
}
