package io.bertlab.tokenizer.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.tokenizer.Encoding;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One JSON object per encoding, keys as HuggingFace names them; offsets are [start, end) in code points. */
final class JsonLinesPrinter implements EncodingPrinter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void print(Encoding encoding, PrintStream out) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("tokens", encoding.tokens());
        json.put("ids", encoding.ids());
        json.put("type_ids", encoding.typeIds());
        json.put("attention_mask", encoding.attentionMask());
        json.put("special_tokens_mask", encoding.specialTokensMask());
        List<int[]> offsets = new ArrayList<>(encoding.length());
        int[] starts = encoding.offsetStarts();
        int[] ends = encoding.offsetEnds();
        for (int i = 0; i < starts.length; i++) {
            offsets.add(new int[] {starts[i], ends[i]});
        }
        json.put("offsets", offsets);
        List<Integer> wordIds = new ArrayList<>(encoding.length());
        for (int w : encoding.wordIds()) {
            wordIds.add(w < 0 ? null : w);
        }
        json.put("word_ids", wordIds);
        try {
            out.println(MAPPER.writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
