package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.text.Graphemes;
import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.TextTransform;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SentencePiece's compiled normalization ({@code precompiled_charsmap}, e.g. nmt_nfkc in T5, ALBERT and XLNet
 * files), applied as HuggingFace's {@code Precompiled} normalizer applies it: per extended grapheme cluster, a
 * cluster of fewer than 6 UTF-8 bytes is first replaced whole by the rule of its shortest prefix that has one;
 * otherwise each character is replaced by its own rule or kept.
 *
 * <p>Alignments follow HuggingFace's bookkeeping exactly: a replacement longer than what it replaces marks its extra
 * characters as insertions (aligned with the last replaced character), a shorter one lets its last character
 * absorb the removed ones, and an empty one charges the removal to the last character already written (or, at the
 * very start, loses it, shifting the alignments after it as HuggingFace does).
 */
public final class Precompiled implements Normalizer {

    /** HuggingFace tries whole clusters only below this many UTF-8 bytes. */
    private static final int MAX_WHOLE_CLUSTER_BYTES = 6;

    private final byte[] charsmap;
    private final PrecompiledCharsmap rules;

    /**
     * A normalizer of a charsmap.
     *
     * @param charsmap the decoded {@code precompiled_charsmap}
     * @throws IllegalArgumentException when it is malformed
     */
    public Precompiled(byte[] charsmap) {
        this.charsmap = charsmap.clone();
        this.rules = new PrecompiledCharsmap(this.charsmap);
    }

    @Override
    public NormalizedText normalize(NormalizedText text) {
        int[] cps = text.array();
        int base = text.arrayOffset();
        TextTransform transform = null;
        Graphemes graphemes = new Graphemes(text);
        for (int start = 0, end = graphemes.next(); end >= 0; start = end, end = graphemes.next()) {
            if (end - start > 1 && utf8Length(cps, base + start, base + end) < MAX_WHOLE_CLUSTER_BYTES) {
                int rule = rules.lookup(cps, base + start, base + end);
                if (rule >= 0) {
                    transform = started(transform, text, start);
                    replace(transform, end - start, rule);
                    continue;
                }
            }
            for (int i = start; i < end; i++) {
                // a one-character cluster is this same look-up: no key ends inside a character
                int rule = rules.lookup(cps, base + i, base + i + 1);
                if (rule >= 0) {
                    transform = started(transform, text, i);
                    replace(transform, 1, rule);
                } else if (transform != null) {
                    transform.add(cps[base + i], 0);
                }
            }
        }
        return transform == null ? text : transform.applyTo(text);
    }

    /** The transform, begun on the first rule: the characters before it are kept as they are. */
    private static TextTransform started(TextTransform transform, NormalizedText text, int unchangedPrefix) {
        if (transform != null) {
            return transform;
        }
        TextTransform started = new TextTransform(text.length() + 8);
        for (int i = 0; i < unchangedPrefix; i++) {
            started.add(text.codePointAt(i), 0);
        }
        return started;
    }

    /** HuggingFace's {@code replace}: the replacement, then the change in length on its last characters. */
    private void replace(TextTransform transform, int replacedCount, int rule) {
        int length = rules.replacementLength(rule);
        for (int i = 0; i < length; i++) {
            transform.add(rules.replacementAt(rule + i), 0);
        }
        int growth = length - replacedCount;
        if (growth > 0) {
            transform.markLastAsInserted(growth);
        } else if (growth < 0) {
            transform.addToLastChange(growth);
        }
    }

    private static int utf8Length(int[] cps, int from, int to) {
        int bytes = 0;
        for (int i = from; i < to; i++) {
            bytes += PrecompiledCharsmap.utf8Length(cps[i]);
        }
        return bytes;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Precompiled");
        json.put("precompiled_charsmap", Base64.getEncoder().encodeToString(charsmap));
        return json;
    }
}
