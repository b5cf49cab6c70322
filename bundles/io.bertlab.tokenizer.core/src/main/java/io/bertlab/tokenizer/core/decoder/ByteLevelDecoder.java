package io.bertlab.tokenizer.core.decoder;

import io.bertlab.tokenizer.core.spi.ByteLevelAlphabet;
import io.bertlab.tokenizer.core.text.ByteLevelSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Maps byte-level characters back to bytes and decodes them as UTF-8 (invalid sequences become U+FFFD). */
public final class ByteLevelDecoder implements Decoder {

    private final ByteLevelSettings settings;

    /**
     * A byte-level decoder.
     *
     * @param settings kept for the file
     */
    public ByteLevelDecoder(ByteLevelSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (String token : tokens) {
            int[] cps = token.codePoints().toArray();
            boolean all = true;
            for (int c : cps) {
                all &= ByteLevelAlphabet.byteOf(c) >= 0;
            }
            if (all) {
                for (int c : cps) {
                    bytes.write(ByteLevelAlphabet.byteOf(c));
                }
            } else {
                bytes.writeBytes(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return List.of(new String(bytes.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public Map<String, Object> toJson() {
        return settings.toJson();
    }
}
