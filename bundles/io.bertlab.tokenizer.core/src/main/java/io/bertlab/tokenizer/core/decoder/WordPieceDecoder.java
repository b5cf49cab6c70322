package io.bertlab.tokenizer.core.decoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Joins WordPiece tokens: continuation prefixes are removed, other tokens get a space, and with {@code cleanup} spaces before punctuation and contractions go. */
public final class WordPieceDecoder implements Decoder {

    private final String prefix;
    private final boolean cleanup;

    /**
     * A WordPiece decoder.
     *
     * @param prefix the continuation prefix, usually {@code ##}
     * @param cleanup whether to tidy spaces around punctuation
     */
    public WordPieceDecoder(String prefix, boolean cleanup) {
        this.prefix = prefix;
        this.cleanup = cleanup;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (i != 0) {
                token = token.startsWith(prefix) ? token.replaceFirst(java.util.regex.Pattern.quote(prefix), "") : " " + token;
            }
            out.add(cleanup ? cleanup(token) : token);
        }
        return out;
    }

    /**
     * Removes spaces before punctuation and inside common English contractions.
     *
     * @param text the text
     * @return the tidied text
     */
    public static String cleanup(String text) {
        return text.replace(" .", ".").replace(" ?", "?").replace(" !", "!").replace(" ,", ",").replace(" ' ", "'")
                .replace(" n't", "n't").replace(" 'm", "'m").replace(" do not", " don't").replace(" 's", "'s")
                .replace(" 've", "'ve").replace(" 're", "'re");
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "WordPiece");
        json.put("prefix", prefix);
        json.put("cleanup", cleanup);
        return json;
    }
}
