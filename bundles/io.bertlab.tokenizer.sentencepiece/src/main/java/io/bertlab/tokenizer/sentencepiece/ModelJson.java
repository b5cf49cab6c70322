package io.bertlab.tokenizer.sentencepiece;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code model} object of a converted SentencePiece model, read by the core through the Unigram or BPE model
 * plugin: the vocabulary with its ids (and scores for Unigram), the unknown piece, byte fallback, and for BPE the
 * merges of {@link BpeMerges} with {@code fuse_unk}, as HuggingFace's {@code SpmConverter} writes them.
 */
final class ModelJson {

    private ModelJson() {
    }

    /**
     * The model object for the model's type.
     *
     * @param spec the model
     * @return the object
     */
    static ObjectNode of(SentencePieceSpec spec) {
        return spec.modelType() == ModelType.BPE ? bpe(spec) : unigram(spec);
    }

    private static ObjectNode unigram(SentencePieceSpec spec) {
        ObjectNode model = JsonNodes.component("Unigram").put("unk_id", spec.unkId());
        ArrayNode vocab = model.putArray("vocab");
        for (SentencePieceSpec.Piece p : spec.pieces()) {
            // The float widened exactly, as Python's float(piece.score) does in HF's converter.
            vocab.addArray().add(p.text()).add((double) p.score());
        }
        model.put("byte_fallback", spec.byteFallback());
        return model;
    }

    private static ObjectNode bpe(SentencePieceSpec spec) {
        ObjectNode model = JsonNodes.component("BPE");
        model.putNull("dropout");
        model.put("unk_token", spec.unkPiece());
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", true).put("byte_fallback", spec.byteFallback()).put("ignore_merges", false);
        Map<String, Integer> ids = new LinkedHashMap<>();
        ObjectNode vocab = model.putObject("vocab");
        List<SentencePieceSpec.Piece> pieces = spec.pieces();
        for (int id = 0; id < pieces.size(); id++) {
            ids.put(pieces.get(id).text(), id);
            vocab.put(pieces.get(id).text(), id);
        }
        ArrayNode merges = model.putArray("merges");
        // Pairs rather than "left right" strings: a piece may hold a space when spaces are not escaped.
        for (String[] merge : BpeMerges.of(pieces, ids)) {
            merges.addArray().add(merge[0]).add(merge[1]);
        }
        return model;
    }
}
