package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.text.CaseMapping;
import java.util.LinkedHashMap;
import java.util.Map;

/** Lower-cases each character (Rust {@code char::to_lowercase}). */
public final class Lowercase extends CodePointNormalizer {

    @Override
    void map(int c, Output out) {
        CaseMapping.lowercase(c, out::emit);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Lowercase");
        return json;
    }
}
