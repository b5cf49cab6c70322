package io.bertlab.tokenizer.sentencepiece;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The merge list of a SentencePiece BPE model. SentencePiece stores no merges: it joins the adjacent pair whose
 * concatenation is the best-scored piece. HuggingFace's {@code SentencePieceExtractor} turns that into ranked merges,
 * and this class derives the same list: every split of every piece into two vocabulary pieces is a merge; the splits
 * of one piece are ordered by the ids of their left then right parts, and all merges by descending score of the
 * piece they make (a stable sort, so equal scores keep vocabulary order).
 */
final class BpeMerges {

    /** One candidate merge: left + right = a piece of that score. */
    private record Merge(String left, String right, float score, int leftId, int rightId) {
    }

    private BpeMerges() {
    }

    /**
     * The ranked merges.
     *
     * @param pieces the vocabulary, by id
     * @param ids every piece's id
     * @return pairs of (left, right), best first
     */
    static List<String[]> of(List<SentencePieceSpec.Piece> pieces, Map<String, Integer> ids) {
        List<Merge> merges = new ArrayList<>();
        List<Merge> local = new ArrayList<>();
        for (SentencePieceSpec.Piece piece : pieces) {
            String text = piece.text();
            local.clear();
            // Split between code points, as Python slices strings.
            for (int at = text.offsetByCodePoints(0, 1); at < text.length(); at = text.offsetByCodePoints(at, 1)) {
                Integer left = ids.get(text.substring(0, at));
                Integer right = ids.get(text.substring(at));
                if (left != null && right != null) {
                    local.add(new Merge(text.substring(0, at), text.substring(at), piece.score(), left, right));
                }
            }
            local.sort(Comparator.comparingInt(Merge::leftId).thenComparingInt(Merge::rightId));
            merges.addAll(local);
        }
        merges.sort(Comparator.comparingDouble(Merge::score).reversed());
        List<String[]> pairs = new ArrayList<>(merges.size());
        for (Merge m : merges) {
            pairs.add(new String[] {m.left(), m.right()});
        }
        return pairs;
    }
}
