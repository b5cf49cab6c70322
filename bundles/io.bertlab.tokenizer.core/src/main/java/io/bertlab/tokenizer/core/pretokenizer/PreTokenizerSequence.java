package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Several pre-tokenizers; each splits every word the previous one produced. */
public final class PreTokenizerSequence implements PreTokenizer {

    private final List<PreTokenizer> preTokenizers;

    /**
     * A sequence.
     *
     * @param preTokenizers in order
     */
    public PreTokenizerSequence(List<PreTokenizer> preTokenizers) {
        this.preTokenizers = List.copyOf(preTokenizers);
    }

    @Override
    public void split(NormalizedText piece, List<NormalizedText> out) {
        List<NormalizedText> current = new ArrayList<>();
        current.add(piece);
        for (PreTokenizer preTokenizer : preTokenizers) {
            List<NormalizedText> next = new ArrayList<>();
            for (NormalizedText word : current) {
                preTokenizer.split(word, next);
            }
            current = next;
        }
        out.addAll(current);
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Sequence");
        List<Object> list = new ArrayList<>();
        preTokenizers.forEach(p -> list.add(p.toJson()));
        json.put("pretokenizers", list);
        return json;
    }
}
