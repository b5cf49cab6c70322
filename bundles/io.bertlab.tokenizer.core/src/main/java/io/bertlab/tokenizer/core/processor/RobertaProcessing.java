package io.bertlab.tokenizer.core.processor;

import io.bertlab.tokenizer.core.encoding.EncodingBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RoBERTa's post-processor, as HuggingFace's {@code RobertaProcessing}: byte-level offset trimming, every type id 0,
 * and each sequence wrapped in its special tokens, {@code <s> A </s>} and {@code </s> B </s>}, its overflowing parts
 * wrapped the same way. Each sequence comes back as one piece, wrapped in its own buffer (the first special token goes
 * into the room the pipeline leaves in front, the separator after the tokens), so a single text is finished here and
 * needs no merging; the pieces merge to the same tokens and overflowing parts as the template
 * {@code <s> A </s> </s> B </s>}. Without {@code add_prefix_space} the trimming is the pipeline's, token by token as
 * the model makes them ({@link #tokenTrimming()}); with it, the first token of each encoding and part keeps its
 * space, so the encodings are trimmed here.
 */
public final class RobertaProcessing implements PostProcessor {

    private final String sep;
    private final int sepId;
    private final String cls;
    private final int clsId;
    private final boolean trimOffsets;
    private final boolean addPrefixSpace;
    private final ByteLevelOffsets trimming;

    /**
     * A RoBERTa processor.
     *
     * @param sep the separator token
     * @param sepId its id
     * @param cls the start token
     * @param clsId its id
     * @param trimOffsets whether offsets leave out leading and trailing spaces
     * @param addPrefixSpace whether a prefix space was added (kept on the first token)
     */
    public RobertaProcessing(String sep, int sepId, String cls, int clsId, boolean trimOffsets,
            boolean addPrefixSpace) {
        this.sep = sep;
        this.sepId = sepId;
        this.cls = cls;
        this.clsId = clsId;
        this.trimOffsets = trimOffsets;
        this.addPrefixSpace = addPrefixSpace;
        this.trimming = trimOffsets ? new ByteLevelOffsets(addPrefixSpace) : null;
    }

    @Override
    public int addedTokens(boolean pair) {
        return pair ? 4 : 2;
    }

    @Override
    public List<EncodingBuffer> process(List<EncodingBuffer> encodings, boolean addSpecialTokens) {
        return process(encodings, addSpecialTokens, trimming);
    }

    /** Token by token when no prefix space is kept on first tokens, which is the only place-dependent rule. */
    @Override
    public TokenTrimming tokenTrimming() {
        return trimOffsets && !addPrefixSpace ? new TokenTrimming() : null;
    }

    @Override
    public List<EncodingBuffer> processTrimmed(List<EncodingBuffer> encodings, boolean addSpecialTokens) {
        if (!trimOffsets || addPrefixSpace) {
            return PostProcessor.super.processTrimmed(encodings, addSpecialTokens); // throws: nothing was trimmed
        }
        return process(encodings, addSpecialTokens, null);
    }

    private List<EncodingBuffer> process(List<EncodingBuffer> encodings, boolean addSpecialTokens,
            ByteLevelOffsets trimming) {
        for (EncodingBuffer encoding : encodings) {
            if (trimming != null) {
                trimming.trim(encoding);
            }
            // RoBERTa has no segments: its overflowing parts get type id 0 too.
            encoding.setTypeIds(0);
            encoding.overflowing().forEach(part -> part.setTypeIds(0));
        }
        if (!addSpecialTokens) {
            return encodings;
        }
        for (int sequence = 0; sequence < encodings.size(); sequence++) {
            if (sequence == 0) {
                wrap(encodings.get(0), cls, clsId);
            } else {
                wrap(encodings.get(sequence), sep, sepId);
            }
        }
        return encodings;
    }

    /** Puts the sequence, in place, between {@code first} and the separator, and so each of its overflowing parts. */
    private void wrap(EncodingBuffer sequence, String first, int firstId) {
        sequence.addFirst(firstId, first, 0, 0, 0, -1, 1, -1);
        sequence.add(sepId, sep, 0, 0, 0, -1, 1, -1);
        for (EncodingBuffer part : sequence.overflowing()) {
            wrap(part, first, firstId);
        }
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "RobertaProcessing");
        json.put("sep", List.of(sep, sepId));
        json.put("cls", List.of(cls, clsId));
        json.put("trim_offsets", trimOffsets);
        json.put("add_prefix_space", addPrefixSpace);
        return json;
    }
}
