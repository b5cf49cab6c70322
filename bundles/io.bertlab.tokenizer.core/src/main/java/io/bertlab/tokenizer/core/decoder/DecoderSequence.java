package io.bertlab.tokenizer.core.decoder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Several decoders, each rewriting the tokens of the previous one. */
public final class DecoderSequence implements Decoder {

    private final List<Decoder> decoders;

    /**
     * A sequence.
     *
     * @param decoders in order
     */
    public DecoderSequence(List<Decoder> decoders) {
        this.decoders = List.copyOf(decoders);
    }

    @Override
    public List<String> decodeChain(List<String> tokens) {
        for (Decoder decoder : decoders) {
            tokens = decoder.decodeChain(tokens);
        }
        return tokens;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Sequence");
        List<Object> list = new ArrayList<>();
        decoders.forEach(d -> list.add(d.toJson()));
        json.put("decoders", list);
        return json;
    }
}
