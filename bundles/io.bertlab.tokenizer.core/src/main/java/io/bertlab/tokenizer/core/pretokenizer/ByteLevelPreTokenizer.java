package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.normalizer.Prepend;
import io.bertlab.tokenizer.core.text.ByteLevelAlphabet;
import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GPT-2's pre-tokenizer: optionally a space first, the GPT-2 word pattern (isolated), then every character
 * replaced by the byte-level characters of its UTF-8 bytes, each aligned with the original character.
 */
public final class ByteLevelPreTokenizer implements PreTokenizer {

    private static final int[] SPACE = {' '};

    private final boolean addPrefixSpace;
    private final boolean trimOffsets;
    private final boolean useRegex;

    /**
     * A byte-level pre-tokenizer.
     *
     * @param addPrefixSpace put a space first when the piece does not start with one
     * @param trimOffsets kept for the file; trimming happens in the post-processor
     * @param useRegex split with the GPT-2 pattern
     */
    public ByteLevelPreTokenizer(boolean addPrefixSpace, boolean trimOffsets, boolean useRegex) {
        this.addPrefixSpace = addPrefixSpace;
        this.trimOffsets = trimOffsets;
        this.useRegex = useRegex;
    }

    @Override
    public void split(NormalizedText piece, List<NormalizedText> out) {
        if (addPrefixSpace && !piece.isEmpty() && piece.codePointAt(0) != ' ') {
            piece = Prepend.prepend(piece, SPACE);
        }
        List<NormalizedText> words = new ArrayList<>();
        if (useRegex) {
            Gpt2WordScanner.split(piece, words);
        } else if (!piece.isEmpty()) {
            words.add(piece);
        }
        for (NormalizedText word : words) {
            out.add(toBytes(word));
        }
    }

    private static NormalizedText toBytes(NormalizedText word) {
        NormalizedText.Builder builder = NormalizedText.builder(word.length() * 2);
        for (int i = 0; i < word.length(); i++) {
            int start = word.originalStart(i);
            int end = word.originalEnd(i);
            ByteLevelAlphabet.encode(word.codePointAt(i), b -> builder.append(b, start, end));
        }
        return builder.build();
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "ByteLevel");
        json.put("add_prefix_space", addPrefixSpace);
        json.put("trim_offsets", trimOffsets);
        json.put("use_regex", useRegex);
        return json;
    }
}
