package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.spi.ByteLevelAlphabet;
import java.util.LinkedHashMap;
import java.util.Map;

/** Replaces each character by the byte-level characters of its UTF-8 bytes (GPT-2's alphabet). */
public final class ByteLevelNormalizer extends CodePointNormalizer {

    @Override
    void map(int c, Output out) {
        ByteLevelAlphabet.encode(c, out::emit);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "ByteLevel");
        return json;
    }
}
