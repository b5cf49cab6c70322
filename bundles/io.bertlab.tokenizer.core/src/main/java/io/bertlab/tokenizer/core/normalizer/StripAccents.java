package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.text.UnicodeClasses;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Removes combining marks (categories Mn, Mc, Me) as HF's StripAccents does; usually after NFD/NFKD so that accents
 * are separate marks. (BertNormalizer's own accent stripping removes Mn only.)
 */
public final class StripAccents extends CodePointNormalizer {

    @Override
    void map(int c, Output out) {
        if (!UnicodeClasses.isCombiningMark(c)) {
            out.emit(c);
        }
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "StripAccents");
        return json;
    }
}
