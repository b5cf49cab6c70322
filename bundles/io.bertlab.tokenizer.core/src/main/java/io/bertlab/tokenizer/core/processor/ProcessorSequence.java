package io.bertlab.tokenizer.core.processor;

import io.bertlab.tokenizer.core.encoding.EncodingBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Several post-processors, each applied to the pieces of the previous one. */
public final class ProcessorSequence implements PostProcessor {

    private final List<PostProcessor> processors;

    /**
     * A sequence.
     *
     * @param processors in order
     */
    public ProcessorSequence(List<PostProcessor> processors) {
        this.processors = List.copyOf(processors);
    }

    @Override
    public int addedTokens(boolean pair) {
        return processors.stream().mapToInt(p -> p.addedTokens(pair)).sum();
    }

    @Override
    public List<EncodingBuffer> process(List<EncodingBuffer> encodings, boolean addSpecialTokens) {
        for (PostProcessor processor : processors) {
            encodings = new ArrayList<>(processor.process(encodings, addSpecialTokens));
        }
        return encodings;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Sequence");
        List<Object> list = new ArrayList<>();
        processors.forEach(p -> list.add(p.toJson()));
        json.put("processors", list);
        return json;
    }
}
