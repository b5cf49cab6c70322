package io.bertlab.tokenizer.sentencepiece;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * The {@code added_tokens} of a converted model: the pieces HuggingFace matches in the raw text before the model
 * runs, as its converters declare them. CONTROL pieces ({@code <s>}, {@code </s>}, {@code <pad>}, ...) and the
 * UNKNOWN piece are special (left out by {@code decode(ids, skipSpecialTokens=true)}); USER_DEFINED pieces are not
 * special but are always one token, as SentencePiece treats them. None is normalized, so their text is matched as
 * written.
 */
final class AddedTokens {

    private AddedTokens() {
    }

    /**
     * The {@code added_tokens} array, by id.
     *
     * @param pieces the vocabulary
     * @return the array
     */
    static ArrayNode of(List<SentencePieceSpec.Piece> pieces) {
        ArrayNode added = JsonNodes.array();
        for (int id = 0; id < pieces.size(); id++) {
            PieceType type = pieces.get(id).type();
            if (type == PieceType.CONTROL || type == PieceType.UNKNOWN || type == PieceType.USER_DEFINED) {
                added.addObject().put("id", id).put("content", pieces.get(id).text()).put("single_word", false)
                        .put("lstrip", false).put("rstrip", false).put("normalized", false)
                        .put("special", type != PieceType.USER_DEFINED);
            }
        }
        return added;
    }
}
