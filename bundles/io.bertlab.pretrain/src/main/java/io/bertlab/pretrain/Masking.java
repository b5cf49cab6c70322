package io.bertlab.pretrain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses and applies masked-LM targets: Google's static masking ({@code create_masked_lm_predictions}) and
 * HuggingFace's dynamic masking ({@code DataCollatorForLanguageModeling.torch_mask_tokens}).
 */
public final class Masking {

    /**
     * The masked inputs and what to predict.
     *
     * @param tokens the input ids after masking
     * @param positions the positions to predict, ascending
     * @param labels the original ids at those positions
     */
    public record Result(int[] tokens, int[] positions, int[] labels) {
    }

    private Masking() {
    }

    /**
     * How many positions Google's script predicts in an instance of {@code length} tokens:
     * {@code min(max_predictions_per_seq, max(1, int(round(length * masked_lm_prob))))}, where Python 3's
     * {@code round} rounds halves to even ({@link Math#rint}): 10 tokens at 0.15 give round(1.5) = 2, 30 tokens
     * give round(4.5) = 4 (the product is computed in doubles, as in Python).
     *
     * @param length the instance's length, special tokens included
     * @param maskedLmProb the share to predict
     * @param maxPredictions the cap
     * @return the number of positions
     */
    public static int googleCount(int length, double maskedLmProb, int maxPredictions) {
        return Math.min(maxPredictions, Math.max(1, (int) Math.rint(length * maskedLmProb)));
    }

    /**
     * Google's {@code create_masked_lm_predictions}, draw for draw: candidates are all positions but {@code [CLS]}
     * and {@code [SEP]} (with whole-word masking, a {@code ##} piece joins the previous candidate), shuffled; they
     * are taken in order while they fit into {@link #googleCount}, a whole word that would exceed it being skipped;
     * each chosen position becomes {@code [MASK]} if {@code random() < 0.8}, else stays itself if
     * {@code random() < 0.5}, else becomes {@code vocab[randint(0, size - 1)]}.
     *
     * @param tokens the instance's ids
     * @param settings masked LM probability, cap and whole-word masking
     * @param vocabulary the vocabulary
     * @param rng the run's generator
     * @return the masked instance
     */
    public static Result google(int[] tokens, GenerationSettings settings, Vocabulary vocabulary, PythonRandom rng) {
        List<int[]> candidates = new ArrayList<>(tokens.length);
        int[] current = null;
        int currentSize = 0;
        for (int i = 0; i < tokens.length; i++) {
            int token = tokens[i];
            if (token == vocabulary.cls() || token == vocabulary.sep()) {
                continue;
            }
            if (settings.wholeWordMask() && !candidates.isEmpty() && vocabulary.isContinuation(token)) {
                // grows the last candidate; its array is replaced, so the list keeps the longer one
                int[] last = candidates.get(candidates.size() - 1);
                int[] longer = Arrays.copyOf(last, last.length + 1);
                longer[last.length] = i;
                candidates.set(candidates.size() - 1, longer);
            } else {
                candidates.add(new int[] {i});
            }
        }
        rng.shuffle(candidates);
        int[] output = tokens.clone();
        int toPredict = googleCount(tokens.length, settings.maskedLmProb(), settings.maxPredictions());
        boolean[] covered = new boolean[tokens.length];
        boolean[] masked = new boolean[tokens.length];
        int count = 0;
        for (int[] indexSet : candidates) {
            if (count >= toPredict) {
                break;
            }
            if (count + indexSet.length > toPredict) {
                continue;
            }
            boolean anyCovered = false;
            for (int index : indexSet) {
                if (covered[index]) {
                    anyCovered = true;
                    break;
                }
            }
            if (anyCovered) {
                continue;
            }
            for (int index : indexSet) {
                covered[index] = true;
                int replacement;
                if (rng.random() < 0.8) {
                    replacement = vocabulary.mask();
                } else if (rng.random() < 0.5) {
                    replacement = tokens[index];
                } else {
                    replacement = rng.randint(0, vocabulary.size() - 1);
                }
                output[index] = replacement;
                masked[index] = true;
                count++;
            }
        }
        return collect(tokens, output, masked, count);
    }

    /**
     * HuggingFace's dynamic masking: every token but {@code [CLS]} and {@code [SEP]} is chosen independently with
     * probability {@code masked_lm_prob} (no cap); a chosen token becomes {@code [MASK]} with probability 0.8, else
     * a uniformly random vocabulary id with probability 0.5, else stays. Labels elsewhere are what HF writes as
     * -100. With whole-word masking the same choice is made per word (a word and its {@code ##} pieces, never
     * across a {@code [SEP]}); HF's {@code DataCollatorForWholeWordMask} picks a fixed number of words instead. The
     * draws come from {@code rng}, not torch's generator.
     *
     * @param tokens the instance's ids
     * @param settings masked LM probability and whole-word masking
     * @param vocabulary the vocabulary
     * @param rng the generator
     * @return the masked instance
     */
    public static Result dynamic(int[] tokens, GenerationSettings settings, Vocabulary vocabulary, PythonRandom rng) {
        int[] output = tokens.clone();
        boolean[] masked = new boolean[tokens.length];
        int count = 0;
        boolean wordChosen = false;
        for (int i = 0; i < tokens.length; i++) {
            int token = tokens[i];
            if (token == vocabulary.cls() || token == vocabulary.sep()) {
                wordChosen = false;
                continue;
            }
            boolean chosen;
            if (settings.wholeWordMask() && i > 0 && vocabulary.isContinuation(token)
                    && tokens[i - 1] != vocabulary.cls() && tokens[i - 1] != vocabulary.sep()) {
                chosen = wordChosen;
            } else {
                chosen = rng.random() < settings.maskedLmProb();
                wordChosen = chosen;
            }
            if (!chosen) {
                continue;
            }
            if (rng.random() < 0.8) {
                output[i] = vocabulary.mask();
            } else if (rng.random() < 0.5) {
                output[i] = rng.randBelow(vocabulary.size());
            }
            masked[i] = true;
            count++;
        }
        return collect(tokens, output, masked, count);
    }

    private static Result collect(int[] tokens, int[] output, boolean[] masked, int count) {
        int[] positions = new int[count];
        int[] labels = new int[count];
        int k = 0;
        for (int i = 0; i < tokens.length; i++) {
            if (masked[i]) {
                positions[k] = i;
                labels[k] = tokens[i];
                k++;
            }
        }
        return new Result(output, positions, labels);
    }
}
