package io.bertlab.tokenizer.core.normalizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Several normalizers applied in order. */
public final class NormalizerSequence implements Normalizer {

    private final List<Normalizer> normalizers;

    /**
     * A sequence.
     *
     * @param normalizers the normalizers, in order
     */
    public NormalizerSequence(List<Normalizer> normalizers) {
        this.normalizers = List.copyOf(normalizers);
    }

    @Override
    public NormalizedText normalize(NormalizedText text) {
        for (Normalizer normalizer : normalizers) {
            text = normalizer.normalize(text);
        }
        return text;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Sequence");
        List<Object> list = new ArrayList<>();
        normalizers.forEach(n -> list.add(n.toJson()));
        json.put("normalizers", list);
        return json;
    }
}
