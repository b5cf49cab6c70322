package io.bertlab.pretrain.mlm;

import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.pretrain.PretrainingContext;
import io.bertlab.api.pretrain.PretrainingInstance;
import io.bertlab.api.pretrain.PretrainingTask;
import io.bertlab.api.tokenizer.Encoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Masked LM at the token stage, with the rules of Google's script: {@link #predictionCount} positions among the
 * tokens that are not special (the encoding's special-tokens mask), whole words when configured (a {@code ##} piece
 * joins the previous token), each {@code [MASK]} with probability 0.8, else kept with 0.5, else a random
 * vocabulary id. The target holds the original id at masked positions and {@link HeadTarget.TokenLabels#IGNORE}
 * elsewhere.
 */
@Component(service = PretrainingTask.class, property = PretrainingTask.TASK + "=" + MaskedLmTask.NAME,
        configurationPid = MaskedLmTask.PID)
public class MaskedLmTask implements PretrainingTask {

    /** The task's name. */
    public static final String NAME = "mlm";

    /** The configuration PID of its {@link Config} (e.g. {@code deploy/io.bertlab.pretrain.mlm.cfg}). */
    public static final String PID = "io.bertlab.pretrain.mlm";

    /** The configuration (component properties). */
    public @interface Config {
        /** @return the share of tokens to predict */
        double masked_lm_prob() default 0.15;

        /** @return the most predictions per instance */
        int max_predictions() default 20;

        /** @return whether the pieces of a word are masked together */
        boolean whole_word_mask() default false;
    }

    private double maskedLmProb = 0.15;
    private int maxPredictions = 20;
    private boolean wholeWordMask;

    /** With Google's defaults: 15 %, at most 20, no whole-word masking. */
    public MaskedLmTask() {
    }

    /**
     * A task with given settings.
     *
     * @param maskedLmProb the share of tokens to predict
     * @param maxPredictions the most predictions per instance
     * @param wholeWordMask whether the pieces of a word are masked together
     */
    public MaskedLmTask(double maskedLmProb, int maxPredictions, boolean wholeWordMask) {
        this.maskedLmProb = maskedLmProb;
        this.maxPredictions = maxPredictions;
        this.wholeWordMask = wholeWordMask;
    }

    @Activate
    void activate(Config config) {
        this.maskedLmProb = config.masked_lm_prob();
        this.maxPredictions = config.max_predictions();
        this.wholeWordMask = config.whole_word_mask();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HeadSpec head() {
        return HeadSpec.MaskedLm.of();
    }

    @Override
    public Stage stage() {
        return Stage.TOKENS;
    }

    @Override
    public PretrainingInstance apply(PretrainingInstance instance, PretrainingContext context) {
        Encoding encoding = instance.encoding()
                .orElseThrow(() -> new IllegalStateException("Masked LM needs the encoded instance"));
        int mask = context.tokenizer().tokenToId("[MASK]")
                .orElseThrow(() -> new IllegalStateException("the tokenizer has no [MASK] token"));
        int vocabularySize = context.tokenizer().vocabularySize();
        Random random = context.random();
        int[] ids = instance.inputIds();
        int[] special = encoding.specialTokensMask();
        String[] tokens = encoding.tokens();
        int[] attention = encoding.attentionMask();
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (special[i] != 0 || attention[i] == 0) {
                continue;
            }
            if (wholeWordMask && !candidates.isEmpty() && tokens[i].startsWith("##")) {
                int[] last = candidates.get(candidates.size() - 1);
                int[] longer = Arrays.copyOf(last, last.length + 1);
                longer[last.length] = i;
                candidates.set(candidates.size() - 1, longer);
            } else {
                candidates.add(new int[] {i});
            }
        }
        Collections.shuffle(candidates, random);
        int length = 0;
        for (int a : attention) {
            length += a;
        }
        int toPredict = predictionCount(length, maskedLmProb, maxPredictions);
        int[] labels = new int[ids.length];
        Arrays.fill(labels, HeadTarget.TokenLabels.IGNORE);
        int[] output = ids.clone();
        int count = 0;
        for (int[] word : candidates) {
            if (count >= toPredict) {
                break;
            }
            if (count + word.length > toPredict) {
                continue;
            }
            for (int index : word) {
                labels[index] = ids[index];
                if (random.nextDouble() < 0.8) {
                    output[index] = mask;
                } else if (random.nextDouble() >= 0.5) {
                    output[index] = random.nextInt(vocabularySize);
                }
                count++;
            }
        }
        return instance.withInputIds(output)
                .withTarget(head().name(), new HeadTarget.TokenLabels(new int[][] {labels}));
    }

    /**
     * How many positions Google's script predicts: {@code min(max_predictions_per_seq, max(1, round(length ×
     * masked_lm_prob)))}, the product in doubles and rounded as Python 3's {@code round} (halves to even).
     *
     * @param length the instance's tokens, special tokens included
     * @param maskedLmProb the share to predict
     * @param maxPredictions the cap
     * @return the count
     */
    public static int predictionCount(int length, double maskedLmProb, int maxPredictions) {
        return Math.min(maxPredictions, Math.max(1, (int) Math.rint(length * maskedLmProb)));
    }
}
