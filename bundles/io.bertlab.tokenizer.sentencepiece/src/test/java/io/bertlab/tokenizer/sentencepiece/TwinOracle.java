package io.bertlab.tokenizer.sentencepiece;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The oracle of the parity tests: a model's {@code tokenizer.json} twin (the file HuggingFace's converter wrote for
 * the same {@code .model}, in the same model folder), less what the {@code .model} cannot know. HuggingFace builds a
 * twin from the {@code .model} <em>and</em> the model family's tokenizer class; the class's part is not in the
 * protobuf, so a bare {@code .model} is compared with the twin without it:
 * <ul>
 * <li>the post-processor (T5's {@code </s>}, XLNet's {@code <sep> <cls>}, ALBERT's {@code [CLS] ... [SEP]}, Mistral's
 * {@code <s>}): removed;</li>
 * <li>normalizers the class adds before the charsmap (ALBERT: {@code ``}/{@code ''} to {@code "}, NFKD, accent
 * stripping, lower-casing; XLNet the same without lower-casing): only {@code Precompiled} is kept;</li>
 * <li>XLNet's and ALBERT's score 100 lower for pieces ending in a digit and a comma ({@code check_number_comma} in
 * HF's converters): given back;</li>
 * <li>tokens the class appends after the {@code .model}'s pieces (T5's 100 {@code <extra_id_N>}): removed;</li>
 * <li>the twin's vintage: the XLNet twin (2020) was written before HF's converter registered SentencePiece's
 * USER_DEFINED pieces as added tokens, which today's converter does (the ALBERT twin, written by transformers 5,
 * has them): they are added, not special, as today.</li>
 * </ul>
 * Everything else — vocabulary, ids, scores, the charsmap, whitespace handling, model options, the decoder — is the
 * twin's own.
 */
final class TwinOracle {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double NUMBER_COMMA_PENALTY = 100;

    private TwinOracle() {
    }

    /**
     * Writes the oracle file.
     *
     * @param twin the twin {@code tokenizer.json}
     * @param model the {@code .model} file it was made from
     * @param out where to write the oracle
     * @return {@code out}
     * @throws IOException when a file cannot be read or written
     */
    static Path write(Path twin, Path model, Path out) throws IOException {
        SentencePieceSpec spec = ModelFileReader.read(model);
        ObjectNode root = (ObjectNode) JSON.readTree(twin.toFile());
        root.set("added_tokens", addedTokens((ArrayNode) root.get("added_tokens"), spec, false));
        root.putNull("post_processor");
        root.set("normalizer", charsmapOnly(root.get("normalizer")));
        ObjectNode modelNode = (ObjectNode) root.get("model");
        int size = spec.pieces().size();
        if (modelNode.get("vocab").isArray()) {
            ArrayNode vocab = (ArrayNode) modelNode.get("vocab");
            while (vocab.size() > size) {
                vocab.remove(vocab.size() - 1);
            }
            undoNumberCommaPenalty(vocab, spec);
        }
        JSON.writeValue(out.toFile(), root);
        return out;
    }

    /**
     * Writes the oracle of a model with its {@code tokenizer_config.json}: the twin whole, only brought to today's
     * converter (USER_DEFINED pieces as added tokens).
     *
     * @param twin the twin {@code tokenizer.json}
     * @param model the {@code .model} file it was made from
     * @param out where to write the oracle
     * @return {@code out}
     * @throws IOException when a file cannot be read or written
     */
    static Path writeWithClass(Path twin, Path model, Path out) throws IOException {
        SentencePieceSpec spec = ModelFileReader.read(model);
        ObjectNode root = (ObjectNode) JSON.readTree(twin.toFile());
        root.set("added_tokens", addedTokens((ArrayNode) root.get("added_tokens"), spec, true));
        JSON.writeValue(out.toFile(), root);
        return out;
    }

    private static JsonNode charsmapOnly(JsonNode normalizer) {
        if (normalizer == null || normalizer.isNull()) {
            return normalizer;
        }
        if ("Precompiled".equals(normalizer.path("type").asText())) {
            return normalizer;
        }
        for (JsonNode part : normalizer.path("normalizers")) {
            if ("Precompiled".equals(part.path("type").asText())) {
                return part;
            }
        }
        return JSON.nullNode();
    }

    /**
     * HF's XLNet and ALBERT converters lower pieces such as {@code "▁1,"} by exactly 100; the .model does not. (Found
     * by that difference rather than by re-implementing Python's {@code str.isdigit}.)
     */
    private static void undoNumberCommaPenalty(ArrayNode vocab, SentencePieceSpec spec) {
        for (int i = 0; i < vocab.size(); i++) {
            String piece = vocab.get(i).get(0).asText();
            double twinScore = vocab.get(i).get(1).asDouble();
            double modelScore = spec.pieces().get(i).score();
            if (piece.endsWith(",") && Math.abs(twinScore + NUMBER_COMMA_PENALTY - modelScore) < 1e-4) {
                ((ArrayNode) vocab.get(i)).set(1, twinScore + NUMBER_COMMA_PENALTY);
            }
        }
    }

    private static ArrayNode addedTokens(ArrayNode twinTokens, SentencePieceSpec spec, boolean withAppended) {
        ArrayNode kept = JSON.createArrayNode();
        Set<Integer> ids = new HashSet<>();
        for (Iterator<JsonNode> it = twinTokens.elements(); it.hasNext();) {
            JsonNode token = it.next();
            if (withAppended || token.get("id").asInt() < spec.pieces().size()) {
                kept.add(token);
                ids.add(token.get("id").asInt());
            }
        }
        for (int id = 0; id < spec.pieces().size(); id++) {
            SentencePieceSpec.Piece p = spec.pieces().get(id);
            if (p.type() == PieceType.USER_DEFINED && !ids.contains(id)) {
                kept.addObject().put("id", id).put("content", p.text()).put("single_word", false).put("lstrip", false)
                        .put("rstrip", false).put("normalized", false).put("special", false);
            }
        }
        return kept;
    }
}
