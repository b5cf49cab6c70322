package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.normalizer.Prepend;
import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SentencePiece's view of spaces: every space becomes the replacement ({@code ▁}), one is put first (always, only
 * at the start of the input, or never), and with {@code split} each word starts at a replacement.
 */
public final class Metaspace implements PreTokenizer {

    /** When a replacement is put before a piece. */
    public enum PrependScheme {
        /** Before every piece that does not start with one. */
        ALWAYS,
        /** Only before the piece that starts the input. */
        FIRST,
        /** Never. */
        NEVER
    }

    private final int replacement;
    private final PrependScheme prependScheme;
    private final boolean split;

    /**
     * A Metaspace pre-tokenizer.
     *
     * @param replacement the code point standing for a space
     * @param prependScheme when to put one first
     * @param split whether to split before each replacement
     */
    public Metaspace(int replacement, PrependScheme prependScheme, boolean split) {
        this.replacement = replacement;
        this.prependScheme = prependScheme;
        this.split = split;
    }

    @Override
    public void split(NormalizedText piece, List<NormalizedText> out) {
        NormalizedText.Builder builder = NormalizedText.builder(piece.length() + 1);
        for (int i = 0; i < piece.length(); i++) {
            int c = piece.codePointAt(i);
            builder.append(c == ' ' ? replacement : c, piece.originalStart(i), piece.originalEnd(i));
        }
        NormalizedText replaced = builder.build();
        boolean startsWithReplacement = !replaced.isEmpty() && replaced.codePointAt(0) == replacement;
        if (!startsWithReplacement && (prependScheme == PrependScheme.ALWAYS
                || (prependScheme == PrependScheme.FIRST && !replaced.isEmpty() && replaced.originalStart(0) == 0))) {
            replaced = Prepend.prepend(replaced, new int[] {replacement});
        }
        if (split) {
            CharSplitter.split(replaced, c -> c == replacement, SplitBehavior.MERGED_WITH_NEXT, out);
        } else if (!replaced.isEmpty()) {
            out.add(replaced);
        }
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Metaspace");
        json.put("replacement", new String(Character.toChars(replacement)));
        json.put("prepend_scheme", prependScheme.name().toLowerCase(Locale.ROOT));
        json.put("split", split);
        return json;
    }
}
