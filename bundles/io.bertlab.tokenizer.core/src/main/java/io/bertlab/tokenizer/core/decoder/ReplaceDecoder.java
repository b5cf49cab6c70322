package io.bertlab.tokenizer.core.decoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Replaces a pattern in each token. */
public final class ReplaceDecoder implements Decoder {

    private final io.bertlab.tokenizer.core.text.TextPattern pattern;
    private final String content;

    /**
     * A replace decoder.
     *
     * @param pattern what to find
     * @param content what to put instead
     */
    public ReplaceDecoder(io.bertlab.tokenizer.core.text.TextPattern pattern, String content) {
        this.pattern = pattern;
        this.content = content;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            out.add(pattern.replaceAll(token, content));
        }
        return out;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Replace");
        json.put("pattern", pattern.toJson());
        json.put("content", content);
        return json;
    }
}
