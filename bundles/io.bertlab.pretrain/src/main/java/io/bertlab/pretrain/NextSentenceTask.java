package io.bertlab.pretrain;

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
 * document (label 1, NotNext; up to 10 draws to find another document, as the script). Google's script also takes
 * the sentences after the random one up to the target length; here B is one sentence, the instance's tokenizer
 * truncates the pair. For the script's exact instances, use {@link InstanceGenerator}.
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
        int next = instance.sentence() + sentencesIn(document, instance.sentence(), instance.textA());
        boolean randomNext = next >= document.size() || random.nextDouble() < 0.5;
        String textB;
        if (randomNext) {
            int other = instance.document();
            for (int attempt = 0; attempt < 10; attempt++) {
                other = random.nextInt(corpus.documentCount());
                if (other != instance.document()) {
                    break;
                }
            }
            List<String> otherDocument = corpus.document(other);
            textB = otherDocument.get(random.nextInt(otherDocument.size()));
        } else {
            textB = document.get(next);
        }
        return instance.withTextB(textB)
                .withTarget(head().name(), new HeadTarget.ClassLabels(new int[] {randomNext ? NOT_NEXT : IS_NEXT}));
    }

    /** How many sentences from {@code first} segment A joins (with single spaces); 1 when it is not such a join. */
    private static int sentencesIn(List<String> document, int first, String textA) {
        StringBuilder joined = new StringBuilder();
        for (int i = first; i < document.size() && joined.length() < textA.length(); i++) {
            if (i > first) {
                joined.append(' ');
            }
            joined.append(document.get(i));
            if (joined.length() == textA.length() && joined.toString().equals(textA)) {
                return i - first + 1;
            }
        }
        return 1;
    }
}
