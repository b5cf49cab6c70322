package io.bertlab.tokenizer.core.decoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps byte-level characters back to bytes and decodes them as UTF-8 (invalid sequences become U+FFFD). */
public final class ByteLevelDecoder implements Decoder {

    private final boolean addPrefixSpace;
    private final boolean trimOffsets;
    private final boolean useRegex;

    /**
     * A byte-level decoder.
     *
     * @param addPrefixSpace kept for the file
     * @param trimOffsets kept for the file
     * @param useRegex kept for the file
     */
    public ByteLevelDecoder(boolean addPrefixSpace, boolean trimOffsets, boolean useRegex) {
        this.addPrefixSpace = addPrefixSpace;
        this.trimOffsets = trimOffsets;
        this.useRegex = useRegex;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (String token : tokens) {
            int[] cps = token.codePoints().toArray();
            boolean all = true;
            for (int c : cps) {
                all &= io.bertlab.tokenizer.core.text.ByteLevelAlphabet.byteOf(c) >= 0;
            }
            if (all) {
                for (int c : cps) {
                    bytes.write(io.bertlab.tokenizer.core.text.ByteLevelAlphabet.byteOf(c));
                }
            } else {
                bytes.writeBytes(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return List.of(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
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
