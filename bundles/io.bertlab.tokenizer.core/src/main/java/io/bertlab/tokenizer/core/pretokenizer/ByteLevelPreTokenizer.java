package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.normalizer.Prepend;
import io.bertlab.tokenizer.core.spi.ByteLevelAlphabet;
import io.bertlab.tokenizer.core.text.ByteLevelSettings;
import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

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
        // The piece becomes byte-level text once and its words are slices of it: a text of its own for each word
        // (three arrays, and a sink object per character) was a third of what an encoding allocated.
        NormalizedText bytes = toBytes(piece);
        int n = piece.length();
        int byteStart = 0;
        for (int start = 0; start < n;) {
            int end = settings.useRegex() ? Gpt2WordScanner.wordEnd(piece, start) : n;
            int byteEnd = byteStart;
            for (int i = start; i < end; i++) {
                byteEnd += ByteLevelAlphabet.utf8Length(piece.codePointAt(i));
            }
            out.add(bytes.slice(byteStart, byteEnd));
            start = end;
            byteStart = byteEnd;
        }
    }

    private static NormalizedText toBytes(NormalizedText text) {
        // Mostly one byte per character (ASCII); the builder grows for text that is not.
        NormalizedText.Builder builder = NormalizedText.builder(text.length() + text.length() / 4);
        AlignedAppender appender = new AlignedAppender(builder);
        for (int i = 0; i < text.length(); i++) {
            appender.start = text.originalStart(i);
            appender.end = text.originalEnd(i);
            ByteLevelAlphabet.encode(text.codePointAt(i), appender);
        }
        return builder.build();
    }

    /** Appends byte-level characters aligned with the original span of the character they encode. */
    private static final class AlignedAppender implements IntConsumer {
        private final NormalizedText.Builder builder;
        private int start;
        private int end;

        AlignedAppender(NormalizedText.Builder builder) {
            this.builder = builder;
        }

        @Override
        public void accept(int byteLevelChar) {
            builder.append(byteLevelChar, start, end);
        }
    }

    @Override
    public Map<String, Object> toJson() {
        return settings.toJson();
    }
}
