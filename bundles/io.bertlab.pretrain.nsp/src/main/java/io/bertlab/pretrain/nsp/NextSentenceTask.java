package io.bertlab.pretrain.nsp;

import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.pretrain.Corpus;
import io.bertlab.api.pretrain.PretrainingContext;
import io.bertlab.api.pretrain.PretrainingInstance;
import io.bertlab.api.pretrain.PretrainingTask;
import java.util.List;
import java.util.Random;
import org.osgi.service.component.annotations.Component;

/**
 * Next Sentence Prediction at the text stage, with the choices of Google's script: segment B is the sentence after
 * A with probability 0.5 (label 0, IsNext), otherwise, and always when A ends its document, a sentence of another
 * document (label 1, NotNext; up to 10 draws to find another document, as the script). B runs on from its first
 * sentence up to what A leaves of the instance ({@link PretrainingContext#span}); unlike the script, unused sentences
 * are not put back into the next chunk (the API hands the task one instance at a time), so this is the script's
 * distribution, not its exact instances: for those, use {@code pretraining-data} without {@code --tasks}.
 */
@Component(service = PretrainingTask.class, property = PretrainingTask.TASK + "=" + NextSentenceTask.NAME)
public class NextSentenceTask implements PretrainingTask {

    /** The task's name. */
    public static final String NAME = "nsp";

    /** The label of a true continuation. */
    public static final int IS_NEXT = 0;

    /** The label of a random B. */
    public static final int NOT_NEXT = 1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HeadSpec head() {
        return HeadSpec.NextSentence.of();
    }

    @Override
    public Stage stage() {
        return Stage.TEXT;
    }

    @Override
    public PretrainingInstance apply(PretrainingInstance instance, PretrainingContext context) {
        Corpus corpus = context.corpus();
        Random random = context.random();
        List<String> document = corpus.document(instance.document());
        int next = instance.sentence() + instance.sentences();
        boolean randomNext = next >= document.size() || random.nextDouble() < 0.5;
        // B fills what A leaves of the instance ([CLS] A [SEP] B [SEP])
        int budget = Math.max(1, context.maxLength() - 3 - context.tokenCount(instance.textA()));
        PretrainingContext.Span textB;
        if (randomNext) {
            int other = instance.document();
            for (int attempt = 0; attempt < 10; attempt++) {
                other = random.nextInt(corpus.documentCount());
                if (other != instance.document()) {
                    break;
                }
            }
            textB = context.span(other, random.nextInt(corpus.document(other).size()), budget);
        } else {
            textB = context.span(instance.document(), next, budget);
        }
        return instance.withTextB(textB.text())
                .withTarget(head().name(), new HeadTarget.ClassLabels(new int[] {randomNext ? NOT_NEXT : IS_NEXT}));
    }
}
