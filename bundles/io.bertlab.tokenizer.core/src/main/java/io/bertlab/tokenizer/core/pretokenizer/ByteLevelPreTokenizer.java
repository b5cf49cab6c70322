package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.normalizer.Prepend;
import io.bertlab.tokenizer.core.text.ByteLevelAlphabet;
import io.bertlab.tokenizer.core.text.ByteLevelSettings;
import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GPT-2's pre-tokenizer: optionally a space first, the GPT-2 word pattern (isolated), then every character
 * replaced by the byte-level characters of its UTF-8 bytes, each aligned with the original character.
 */
public final class ByteLevelPreTokenizer implements PreTokenizer {

    private static final int[] SPACE = {' '};

    private final ByteLevelSettings settings;

    /**
     * A byte-level pre-tokenizer.
     *
     * @param settings a space first or not, the GPT-2 pattern or not ({@code trim_offsets} is kept for the file;
     *     trimming happens in the post-processor)
     */
    public ByteLevelPreTokenizer(ByteLevelSettings settings) {
        this.settings = settings;
    }

    @Override
    public void split(NormalizedText piece, List<NormalizedText> out) {
        if (settings.addPrefixSpace() && !piece.isEmpty() && piece.codePointAt(0) != ' ') {
            piece = Prepend.prepend(piece, SPACE);
        }
        List<NormalizedText> words = new ArrayList<>();
        if (settings.useRegex()) {
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
        return settings.toJson();
    }
}
