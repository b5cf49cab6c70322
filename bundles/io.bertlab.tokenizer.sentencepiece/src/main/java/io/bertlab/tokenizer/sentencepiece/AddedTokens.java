package io.bertlab.tokenizer.sentencepiece;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.bertlab.tokenizer.core.spi.AddedToken;
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
     * @param appended the special tokens the tokenizer class puts after the pieces (T5's extra ids)
     * @return the array
     */
    static ArrayNode of(List<SentencePieceSpec.Piece> pieces, List<String> appended) {
        ArrayNode added = JsonNodes.array();
        for (int id = 0; id < pieces.size(); id++) {
            PieceType type = pieces.get(id).type();
            if (type == PieceType.CONTROL || type == PieceType.UNKNOWN || type == PieceType.USER_DEFINED) {
                add(added, id, pieces.get(id).text(), type != PieceType.USER_DEFINED);
            }
        }
        for (int k = 0; k < appended.size(); k++) {
            add(added, pieces.size() + k, appended.get(k), true);
        }
        return added;
    }

    private static void add(ArrayNode added, int id, String content, boolean special) {
        added.add(JsonNodes.tree(AddedToken.unnormalized(content, id, special).toJson()));
    }
}
