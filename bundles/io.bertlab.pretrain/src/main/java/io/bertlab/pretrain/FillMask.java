package io.bertlab.pretrain;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Fill-mask as HuggingFace's {@code FillMaskPipeline} computes it: the MLM head's logits at each mask position,
 * a softmax over the whole vocabulary (here in double precision), the {@code k} most probable tokens, each shown as
 * the tokenizer decodes its id alone ({@code token_str}), and the text with the mask replaced by it
 * ({@code sequence}: special tokens skipped when the text has one mask; kept when it has several, so that the other
 * masks stay visible, as HF does). Each mask is predicted on its own, from the text with every mask in place.
 */
final class FillMask {

    /** The MLM head with HF's parameter names: a checkpoint with an MLM head holds these. */
    static final HeadSpec.MaskedLm HEAD = HeadSpec.MaskedLm.of();

    /**
     * The parameters of {@link #HEAD} that a checkpoint must hold; a session initialises any that are missing at
     * random (the decoder is tied to the word embeddings, which every checkpoint has).
     */
    static final List<String> HEAD_PARAMETERS = List.of(HEAD.name() + ".transform.dense.weight",
            HEAD.name() + ".transform.dense.bias", HEAD.name() + ".transform.LayerNorm.weight",
            HEAD.name() + ".transform.LayerNorm.bias", HEAD.name() + ".bias");

    /**
     * One proposal for one mask.
     *
     * @param rank 1 for the most probable
     * @param id the vocabulary id
     * @param token the id decoded alone ({@code ##ing} stays {@code ##ing}, as HF's {@code token_str})
     * @param probability the softmax over the whole vocabulary at the mask, in (0, 1]
     * @param sequence the text with this mask filled by the token, decoded
     */
    record Candidate(int rank, int id, String token, double probability, String sequence) {
    }

    /**
     * The proposals for one mask of one text.
     *
     * @param text the text's index among the command's texts (from 0)
     * @param input the text
     * @param mask this mask's index among the text's masks (from 0)
     * @param masks how many masks the text has
     * @param position the mask's position in the encoding ({@code [CLS]} is 0)
     * @param candidates the most probable tokens, most probable first
     */
    record Prediction(int text, String input, int mask, int masks, int position, List<Candidate> candidates) {

        /**
         * The most probable proposal.
         *
         * @return the first candidate
         */
        Candidate top() {
            return candidates.get(0);
        }
    }

    private FillMask() {
    }

    /**
     * The positions of the mask token in an encoding.
     *
     * @param encoding the encoded text
     * @param maskId the mask token's id
     * @return the positions, ascending; empty when the text has no mask
     */
    static int[] maskPositions(Encoding encoding, int maskId) {
        int[] ids = encoding.ids();
        return IntStream.range(0, ids.length).filter(p -> ids[p] == maskId).toArray();
    }

    /**
     * The proposals for every mask of one encoded text.
     *
     * @param session a session with {@link #HEAD}
     * @param tokenizer the tokenizer that encoded the text, for decoding
     * @param text the text's index, for the result
     * @param input the text
     * @param encoding its encoding, with special tokens, unpadded
     * @param maskId the mask token's id
     * @param topK how many proposals per mask (at most the vocabulary size)
     * @return one prediction per mask, in text order
     */
    static List<Prediction> predict(TrainingSession session, Tokenizer tokenizer, int text, String input,
            Encoding encoding, int maskId, int topK) {
        int[] ids = encoding.ids();
        int[] positions = maskPositions(encoding, maskId);
        int[] attended = new int[ids.length];
        Arrays.fill(attended, 1);
        Batch batch = new Batch(new int[][] {ids}, new int[][] {encoding.typeIds()}, new int[][] {attended});
        Tensor logits = session.evaluate(batch, null).logits().get(HEAD.name());
        boolean single = positions.length == 1;
        List<Prediction> predictions = new ArrayList<>(positions.length);
        for (int m = 0; m < positions.length; m++) {
            double[] probabilities = softmax(logits.vector(0, positions[m]));
            int[] best = topK(probabilities, topK);
            List<Candidate> candidates = new ArrayList<>(best.length);
            for (int r = 0; r < best.length; r++) {
                int id = best[r];
                int[] filled = ids.clone();
                filled[positions[m]] = id;
                candidates.add(new Candidate(r + 1, id, tokenizer.decode(new int[] {id}, false), probabilities[id],
                        tokenizer.decode(filled, single)));
            }
            predictions.add(new Prediction(text, input, m, positions.length, positions[m], List.copyOf(candidates)));
        }
        return predictions;
    }

    /**
     * A numerically stable softmax in double precision: the maximum is subtracted before exponentiating, so no
     * logit overflows {@code exp} and the largest term is exactly 1.
     *
     * @param logits the logits over the vocabulary
     * @return the probabilities, summing to 1 up to double rounding
     */
    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        double[] probabilities = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = Math.exp(logits[i] - max);
            sum += probabilities[i];
        }
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }

    /**
     * The indices of the {@code k} largest values, largest first; ties go to the smaller index.
     *
     * @param values the values
     * @param k how many, at least 1; at most {@code values.length} are returned
     * @return the indices
     */
    static int[] topK(double[] values, int k) {
        int n = Math.min(k, values.length);
        int[] best = new int[n];
        int size = 0;
        for (int i = 0; i < values.length; i++) {
            if (size == n && values[i] <= values[best[n - 1]]) {
                continue;
            }
            int at = size < n ? size++ : n - 1;
            // insertion: shift smaller values down; an equal value keeps its earlier (smaller) index first
            while (at > 0 && values[best[at - 1]] < values[i]) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = i;
        }
        return best;
    }
}
