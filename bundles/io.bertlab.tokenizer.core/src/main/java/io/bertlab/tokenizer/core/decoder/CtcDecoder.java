package io.bertlab.tokenizer.core.decoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HuggingFace's {@code CTC} decoder for the output of speech models (Connectionist Temporal Classification): repeats
 * of a token collapse into one, the pad token is deleted, and with {@code cleanup} the WordPiece clean-up applies
 * and the word delimiter becomes a space (only then, as in HuggingFace). Tokens left empty are dropped.
 */
public final class CtcDecoder implements Decoder {

    private final String padToken;
    private final String wordDelimiterToken;
    private final boolean cleanup;

    /**
     * A CTC decoder.
     *
     * @param padToken the blank token between repeats, e.g. {@code <pad>}
     * @param wordDelimiterToken the token standing for a space, e.g. {@code |}
     * @param cleanup whether to tidy spaces (WordPiece's clean-up) and turn delimiters into spaces
     */
    public CtcDecoder(String padToken, String wordDelimiterToken, boolean cleanup) {
        this.padToken = padToken;
        this.wordDelimiterToken = wordDelimiterToken;
        this.cleanup = cleanup;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        String previous = null;
        for (String token : tokens) {
            if (token.equals(previous)) {
                continue;
            }
            previous = token;
            String text = token.replace(padToken, "");
            if (cleanup) {
                text = WordPieceDecoder.cleanup(text).replace(wordDelimiterToken, " ");
            }
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "CTC");
        json.put("pad_token", padToken);
        json.put("word_delimiter_token", wordDelimiterToken);
        json.put("cleanup", cleanup);
        return json;
    }
}
