package io.bertlab.tokenizer.core.decoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Replaces the end-of-word suffix with a space (nothing after the last token). */
public final class BpeDecoder implements Decoder {

    private final String suffix;

    /**
     * A BPE decoder.
     *
     * @param suffix the end-of-word suffix, e.g. {@code </w>}
     */
    public BpeDecoder(String suffix) {
        this.suffix = suffix;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            out.add(tokens.get(i).replace(suffix, i == tokens.size() - 1 ? "" : " "));
        }
        return out;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "BPE");
        json.put("suffix", suffix);
        return json;
    }
}
