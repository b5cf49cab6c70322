package io.bertlab.tokenizer.core.processor;

import io.bertlab.tokenizer.core.encoding.EncodingBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places sequences and special tokens as a template says, e.g. {@code [CLS] $A [SEP] $B:1 [SEP]:1}. Also serves
 * {@code BertProcessing}, a fixed template (see {@link #bert}) that keeps its own JSON form.
 */
public final class TemplateProcessing implements PostProcessor {

    /**
     * One element of a template.
     *
     * @param sequence 0 for {@code $A}, 1 for {@code $B}, -1 for a special token
     * @param specialToken the special token's name when {@code sequence} is -1
     * @param typeId the type id given to the element's tokens
     */
    public record Piece(int sequence, String specialToken, int typeId) {
    }

    private final List<Piece> single;
    private final List<Piece> pair;
    private final Map<String, SpecialToken> specialTokens;
    private final Map<String, Object> json;

    private TemplateProcessing(List<Piece> single, List<Piece> pair, Map<String, SpecialToken> specialTokens,
            Map<String, Object> json) {
        this.single = List.copyOf(single);
        this.pair = List.copyOf(pair);
        this.specialTokens = Map.copyOf(specialTokens);
        this.json = json;
    }

    /**
     * A template processor.
     *
     * @param single the template for one sequence
     * @param pair the template for two
     * @param specialTokens the special tokens the templates name
     * @return the processor
     */
    public static TemplateProcessing template(List<Piece> single, List<Piece> pair,
            Map<String, SpecialToken> specialTokens) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "TemplateProcessing");
        json.put("single", piecesJson(single));
        json.put("pair", piecesJson(pair));
        Map<String, Object> specials = new LinkedHashMap<>();
        specialTokens.values().stream().sorted(java.util.Comparator.comparing(SpecialToken::name)).forEach(t -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", t.name());
            entry.put("ids", t.ids());
            entry.put("tokens", t.tokens());
            specials.put(t.name(), entry);
        });
        json.put("special_tokens", specials);
        return new TemplateProcessing(single, pair, specialTokens, json);
    }

    /**
     * BERT's processing: {@code [CLS] A [SEP]} and {@code [CLS] A [SEP] B:1 [SEP]:1}.
     *
     * @param sep the separator token and id
     * @param sepId its id
     * @param cls the classification token
     * @param clsId its id
     * @return the processor
     */
    public static TemplateProcessing bert(String sep, int sepId, String cls, int clsId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "BertProcessing");
        json.put("sep", List.of(sep, sepId));
        json.put("cls", List.of(cls, clsId));
        return new TemplateProcessing(
                List.of(special(cls, 0), new Piece(0, null, 0), special(sep, 0)),
                List.of(special(cls, 0), new Piece(0, null, 0), special(sep, 0), new Piece(1, null, 1),
                        special(sep, 1)),
                Map.of(cls, new SpecialToken(cls, List.of(clsId), List.of(cls)), sep,
                        new SpecialToken(sep, List.of(sepId), List.of(sep))),
                json);
    }

    private static Piece special(String name, int typeId) {
        return new Piece(-1, name, typeId);
    }

    private static List<Object> piecesJson(List<Piece> pieces) {
        List<Object> list = new ArrayList<>();
        for (Piece p : pieces) {
            Map<String, Object> inner = new LinkedHashMap<>();
            inner.put("id", p.sequence() < 0 ? p.specialToken() : p.sequence() == 0 ? "A" : "B");
            inner.put("type_id", p.typeId());
            list.add(Map.of(p.sequence() < 0 ? "SpecialToken" : "Sequence", inner));
        }
        return list;
    }

    @Override
    public int addedTokens(boolean isPair) {
        int count = 0;
        for (Piece p : isPair ? pair : single) {
            if (p.sequence() < 0) {
                count += specialTokens.get(p.specialToken()).ids().size();
            }
        }
        return count;
    }

    @Override
    public List<EncodingBuffer> process(List<EncodingBuffer> encodings, boolean addSpecialTokens) {
        List<EncodingBuffer> pieces = new ArrayList<>();
        for (Piece p : encodings.size() == 2 ? pair : single) {
            if (p.sequence() >= 0) {
                EncodingBuffer sequence = encodings.get(p.sequence());
                sequence.setTypeIds(p.typeId());
                sequence.setSequenceId(p.sequence());
                // Each sequence appears once in a template, so it is placed itself rather than a copy.
                pieces.add(sequence);
            } else if (addSpecialTokens) {
                SpecialToken token = specialTokens.get(p.specialToken());
                EncodingBuffer special = new EncodingBuffer(token.ids().size());
                for (int i = 0; i < token.ids().size(); i++) {
                    special.add(token.ids().get(i), token.tokens().get(i), p.typeId(), 0, 0, -1, 1, -1);
                }
                pieces.add(special);
            }
        }
        return pieces;
    }

    @Override
    public Map<String, Object> toJson() {
        return json;
    }
}
