package io.bertlab.tokenizer.core.processor;

import io.bertlab.tokenizer.core.pipeline.EncodingBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GPT-2's post-processor: no special tokens, only byte-level offset trimming. */
public final class ByteLevelProcessing implements PostProcessor {

    private final boolean addPrefixSpace;
    private final boolean trimOffsets;
    private final boolean useRegex;

    /**
     * A byte-level processor.
     *
     * @param addPrefixSpace whether a prefix space was added (kept on the first token)
     * @param trimOffsets whether offsets leave out spaces
     * @param useRegex kept for the file
     */
    public ByteLevelProcessing(boolean addPrefixSpace, boolean trimOffsets, boolean useRegex) {
        this.addPrefixSpace = addPrefixSpace;
        this.trimOffsets = trimOffsets;
        this.useRegex = useRegex;
    }

    @Override
    public int addedTokens(boolean pair) {
        return 0;
    }

    @Override
    public List<EncodingBuffer> process(List<EncodingBuffer> encodings, boolean addSpecialTokens) {
        if (trimOffsets) {
            ByteLevelOffsets trimming = new ByteLevelOffsets(addPrefixSpace);
            encodings.forEach(trimming::trim);
        }
        return encodings;
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
