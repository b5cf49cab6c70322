package io.bertlab.tokenizer.core.text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options HF's three {@code ByteLevel} components (pre-tokenizer, post-processor, decoder) share: each
 * {@code ByteLevel} object of {@code tokenizer.json} carries all three, whichever of them the component uses.
 *
 * @param addPrefixSpace put a space before a piece that does not start with one
 * @param trimOffsets leave spaces out of the offsets
 * @param useRegex split with GPT-2's word pattern
 */
public record ByteLevelSettings(boolean addPrefixSpace, boolean trimOffsets, boolean useRegex) {

    /**
     * The {@code tokenizer.json} object, in HF's key order.
     *
     * @return {@code type} {@code ByteLevel} and the three options
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "ByteLevel");
        json.put("add_prefix_space", addPrefixSpace);
        json.put("trim_offsets", trimOffsets);
        json.put("use_regex", useRegex);
        return json;
    }
}
