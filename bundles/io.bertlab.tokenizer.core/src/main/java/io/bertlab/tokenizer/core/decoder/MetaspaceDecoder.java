package io.bertlab.tokenizer.core.decoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the replacement character back into spaces, dropping the one put before the first token. */
public final class MetaspaceDecoder implements Decoder {

    private final int replacement;
    private final String prependScheme;
    private final boolean split;

    /**
     * A Metaspace decoder.
     *
     * @param replacement the character standing for a space
     * @param prependScheme {@code always}, {@code first} or {@code never}
     * @param split kept for the file
     */
    public MetaspaceDecoder(int replacement, String prependScheme, boolean split) {
        this.replacement = replacement;
        this.prependScheme = prependScheme;
        this.split = split;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            StringBuilder sb = new StringBuilder();
            boolean first = i == 0;
            tokens.get(i).codePoints().forEach(c -> {
                if (c != replacement) {
                    sb.appendCodePoint(c);
                } else if (!(first && !"never".equals(prependScheme))) {
                    sb.append(' ');
                }
            });
            out.add(sb.toString());
        }
        return out;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Metaspace");
        json.put("replacement", new String(Character.toChars(replacement)));
        json.put("prepend_scheme", prependScheme);
        json.put("split", split);
        return json;
    }
}
