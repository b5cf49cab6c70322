package io.bertlab.tokenizer.core.decoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns runs of byte tokens ({@code <0x41>}) back into text; invalid UTF-8 becomes one U+FFFD per byte. */
public final class ByteFallbackDecoder implements Decoder {

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
        for (String token : tokens) {
            int b = byteOf(token);
            if (b >= 0) {
                pending.write(b);
                continue;
            }
            flush(pending, out);
            out.add(token);
        }
        flush(pending, out);
        return out;
    }

    private static int byteOf(String token) {
        if (token.length() != 6 || !token.startsWith("<0x") || !token.endsWith(">")) {
            return -1;
        }
        try {
            return Integer.parseInt(token.substring(3, 5), 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void flush(java.io.ByteArrayOutputStream pending, List<String> out) {
        if (pending.size() == 0) {
            return;
        }
        byte[] bytes = pending.toByteArray();
        pending.reset();
        try {
            out.add(java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            for (int i = 0; i < bytes.length; i++) {
                out.add("\uFFFD");
            }
        }
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "ByteFallback");
        return json;
    }
}
