package io.bertlab.tokenizer.core.processor;

import io.bertlab.tokenizer.core.encoding.EncodingBuffer;
import io.bertlab.tokenizer.core.text.ByteLevelSettings;
import java.util.List;
import java.util.Map;

/** GPT-2's post-processor: no special tokens, only byte-level offset trimming. */
public final class ByteLevelProcessing implements PostProcessor {

    private final ByteLevelSettings settings;

    /**
     * A byte-level processor.
     *
     * @param settings whether a prefix space was added (kept on the first token) and whether offsets leave out
     *     spaces
     */
    public ByteLevelProcessing(ByteLevelSettings settings) {
        this.settings = settings;
    }

    @Override
    public int addedTokens(boolean pair) {
        return 0;
    }

    @Override
    public List<EncodingBuffer> process(List<EncodingBuffer> encodings, boolean addSpecialTokens) {
        if (settings.trimOffsets()) {
            ByteLevelOffsets trimming = new ByteLevelOffsets(settings.addPrefixSpace());
            encodings.forEach(trimming::trim);
        }
        return encodings;
    }

    @Override
    public Map<String, Object> toJson() {
        return settings.toJson();
    }
}
