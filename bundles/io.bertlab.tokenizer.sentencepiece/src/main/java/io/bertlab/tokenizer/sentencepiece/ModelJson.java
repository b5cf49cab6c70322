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
     * @param tokenizerClass the class's scores and appended tokens
     * @return the object
     */
    static ObjectNode of(SentencePieceSpec spec, TokenizerClass tokenizerClass) {
        return spec.modelType() == ModelType.BPE ? bpe(spec, tokenizerClass) : unigram(spec, tokenizerClass);
    }

    private static ObjectNode unigram(SentencePieceSpec spec, TokenizerClass tokenizerClass) {
        ObjectNode model = JsonNodes.component("Unigram").put("unk_id", spec.unkId());
        ArrayNode vocab = model.putArray("vocab");
        for (SentencePieceSpec.Piece p : spec.pieces()) {
            vocab.addArray().add(p.text()).add(tokenizerClass.score(p));
        }
        for (String token : tokenizerClass.appendedTokens()) {
            vocab.addArray().add(token).add(0.0);
        }
        model.put("byte_fallback", spec.byteFallback());
        return model;
    }

    private static ObjectNode bpe(SentencePieceSpec spec, TokenizerClass tokenizerClass) {
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
        List<String> appended = tokenizerClass.appendedTokens();
        for (int k = 0; k < appended.size(); k++) {
            vocab.put(appended.get(k), pieces.size() + k);
        }
        ArrayNode merges = model.putArray("merges");
        // Pairs rather than "left right" strings: a piece may hold a space when spaces are not escaped.
        for (String[] merge : BpeMerges.of(pieces, ids)) {
            merges.addArray().add(merge[0]).add(merge[1]);
        }
        return model;
    }
}
