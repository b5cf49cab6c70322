package io.bertlab.tokenizer.core.processor;

import io.bertlab.tokenizer.core.encoding.EncodingBuffer;
import io.bertlab.tokenizer.core.text.ByteLevelSettings;
import java.util.List;
import java.util.Map;

/** GPT-2's post-processor: no special tokens, only byte-level offset trimming. */
public final class ByteLevelProcessing implements PostProcessor {

    private final ByteLevelSettings settings;
    /** Null without trimming; kept, since it remembers the spaces of the tokens it has seen. */
    private final ByteLevelOffsets trimming;

    /**
     * A byte-level processor.
     *
     * @param settings whether a prefix space was added (kept on the first token) and whether offsets leave out
     *     spaces
     */
    public ByteLevelProcessing(ByteLevelSettings settings) {
        this.settings = settings;
        this.trimming = settings.trimOffsets() ? new ByteLevelOffsets(settings.addPrefixSpace()) : null;
    }

    @Override
    public int addedTokens(boolean pair) {
        return 0;
    }

    @Override
    public List<EncodingBuffer> process(List<EncodingBuffer> encodings, boolean addSpecialTokens) {
        if (trimming != null) {
            encodings.forEach(trimming::trim);
        }
        return encodings;
    }

    /** Token by token when no prefix space is kept on first tokens, which is the only place-dependent rule. */
    @Override
    public TokenTrimming tokenTrimming() {
        return settings.trimOffsets() && !settings.addPrefixSpace() ? new TokenTrimming() : null;
    }

    @Override
    public List<EncodingBuffer> processTrimmed(List<EncodingBuffer> encodings, boolean addSpecialTokens) {
        if (!settings.trimOffsets() || settings.addPrefixSpace()) {
            return PostProcessor.super.processTrimmed(encodings, addSpecialTokens); // throws: nothing was trimmed
        }
        return encodings;
    }

    @Override
    public Map<String, Object> toJson() {
        return settings.toJson();
    }
}
