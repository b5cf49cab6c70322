package io.bertlab.tokenizer.sentencepiece;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The normalizer, pre-tokenizer and decoder that reproduce a model's {@code NormalizerSpec} in HuggingFace's
 * components, as its {@code SpmConverter} family builds them:
 * <ul>
 * <li>{@code precompiled_charsmap} becomes the {@code Precompiled} normalizer (nothing when empty: the identity);</li>
 * <li>{@code remove_extra_whitespaces} with {@code add_dummy_prefix} (T5, ALBERT, XLNet) becomes
 * {@code WhitespaceSplit} then {@code Metaspace} with {@code prepend_scheme: always}: every word gets its
 * {@code ▁}, and leading, trailing and repeated spaces vanish, with offsets on the words themselves, exactly as the
 * shared T5, XLNet and ALBERT {@code tokenizer.json} files do;</li>
 * <li>without {@code remove_extra_whitespaces} (Llama, Mistral) the text stays whole, as SentencePiece sees it:
 * {@code Metaspace} without splitting, {@code ▁} put first only at the very start ({@code first}), which is what
 * HF's non-legacy Llama conversion writes;</li>
 * <li>the rare remaining combinations use {@code Strip} + {@code Replace(" {2,}", " ")} for the whitespace rule,
 * and {@code Prepend(" ")} for the dummy prefix when spaces are not escaped.</li>
 * </ul>
 * With byte fallback the decoder is {@code Replace(▁, " ")}, {@code ByteFallback}, {@code Fuse} and {@code Strip} of
 * the dummy prefix (HF's Llama decoder), so byte pieces decode to their UTF-8 text; otherwise {@code Metaspace}.
 */
final class WhitespaceStages {

    static final String SPACE_MARKER = "\u2581";

    private final SentencePieceSpec spec;

    WhitespaceStages(SentencePieceSpec spec) {
        this.spec = spec;
    }

    /** Whether HF's classic SentencePiece layout applies: split on whitespace, {@code ▁} before every word. */
    private boolean splitsWords() {
        return spec.escapeWhitespaces() && spec.removeExtraWhitespaces() && spec.addDummyPrefix();
    }

    /**
     * The normalizer.
     *
     * @param beforeCharsmap the tokenizer class's normalizers, which run first
     * @return the component, or null for none
     */
    ObjectNode normalizer(List<ObjectNode> beforeCharsmap) {
        List<ObjectNode> parts = new ArrayList<>(beforeCharsmap);
        if (spec.precompiledCharsmap().length > 0) {
            parts.add(JsonNodes.component("Precompiled")
                    .put("precompiled_charsmap", Base64.getEncoder().encodeToString(spec.precompiledCharsmap())));
        }
        if (spec.removeExtraWhitespaces() && !splitsWords()) {
            parts.add(JsonNodes.component("Strip").put("strip_left", true).put("strip_right", true));
            ObjectNode collapse = JsonNodes.component("Replace").put("content", " ");
            collapse.set("pattern", JsonNodes.regex(" {2,}"));
            parts.add(collapse);
        }
        if (!spec.escapeWhitespaces() && spec.addDummyPrefix()) {
            parts.add(JsonNodes.component("Prepend").put("prepend", " "));
        }
        return JsonNodes.sequence("normalizers", parts);
    }

    /**
     * The pre-tokenizer.
     *
     * @return the component, or null when spaces are not escaped (the text then reaches the model whole)
     */
    ObjectNode preTokenizer() {
        if (!spec.escapeWhitespaces()) {
            return null;
        }
        if (splitsWords()) {
            return JsonNodes.sequence("pretokenizers", List.of(JsonNodes.component("WhitespaceSplit"), metaspace()));
        }
        return metaspace();
    }

    /**
     * The decoder.
     *
     * @return the component
     */
    ObjectNode decoder() {
        if (spec.escapeWhitespaces() && !spec.byteFallback()) {
            return metaspace();
        }
        List<ObjectNode> parts = new ArrayList<>();
        if (spec.escapeWhitespaces()) {
            ObjectNode unescape = JsonNodes.component("Replace").put("content", " ");
            unescape.set("pattern", JsonNodes.literal(SPACE_MARKER));
            parts.add(unescape);
        }
        if (spec.byteFallback()) {
            parts.add(JsonNodes.component("ByteFallback"));
        }
        parts.add(JsonNodes.component("Fuse"));
        if (spec.addDummyPrefix()) {
            parts.add(JsonNodes.component("Strip").put("content", " ").put("start", 1).put("stop", 0));
        }
        return JsonNodes.sequence("decoders", parts);
    }

    private ObjectNode metaspace() {
        String scheme = splitsWords() ? "always" : spec.addDummyPrefix() ? "first" : "never";
        return JsonNodes.component("Metaspace").put("replacement", SPACE_MARKER).put("prepend_scheme", scheme)
                .put("split", splitsWords());
    }
}
