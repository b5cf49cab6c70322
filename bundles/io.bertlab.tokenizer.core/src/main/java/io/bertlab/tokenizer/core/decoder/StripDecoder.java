package io.bertlab.tokenizer.core.decoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Removes up to {@code start} leading and {@code stop} trailing occurrences of a character from each token. */
public final class StripDecoder implements Decoder {

    private final int content;
    private final int start;
    private final int stop;

    /**
     * A strip decoder.
     *
     * @param content the character to strip
     * @param start how many to strip at the start
     * @param stop how many to strip at the end
     */
    public StripDecoder(int content, int start, int stop) {
        this.content = content;
        this.start = start;
        this.stop = stop;
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String token : tokens) {
            int[] cps = token.codePoints().toArray();
            int from = 0;
            while (from < start && from < cps.length && cps[from] == content) {
                from++;
            }
            int to = cps.length;
            int removed = 0;
            while (removed < stop && to > from && cps[to - 1] == content) {
                to--;
                removed++;
            }
            out.add(new String(cps, from, to - from));
        }
        return out;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Strip");
        json.put("content", new String(Character.toChars(content)));
        json.put("start", start);
        json.put("stop", stop);
        return json;
    }
}
