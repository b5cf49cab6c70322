package io.bertlab.pretrain.sop;

import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.pretrain.PretrainingContext;
import io.bertlab.api.pretrain.PretrainingInstance;
import io.bertlab.api.pretrain.PretrainingTask;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * ALBERT's sentence-order prediction at the text stage: segment B is always A's own continuation in the document, and
 * with probability 0.5 the two segments are swapped. Label 0 = in order, 1 = swapped, as {@code sentence_order_label}
 * in HF's {@code AlbertForPreTraining}. Unlike next-sentence prediction, both segments come from the same place of one
 * document, so topic gives nothing away: only their order is to be learned.
 *
 * <p>A's continuation fills what A leaves of the instance ({@link PretrainingContext#span}). When A ends its document,
 * the sentence before A becomes the first segment and A the second; a document of a single sentence is split between
 * its words (the first half, the second half).
 *
 * <p>The head is a 2-way classifier over the pooled output with dropout before it, as ALBERT's {@code sop_classifier},
 * named {@value #HEAD_NAME}.
 */
@Component(service = PretrainingTask.class, property = PretrainingTask.TASK + "=" + SentenceOrderTask.NAME)
public class SentenceOrderTask implements PretrainingTask {

    /** The task's name. */
    public static final String NAME = "sop";

    /** The name of its head, which prefixes its parameters in a checkpoint. */
    public static final String HEAD_NAME = "cls.sentence_order";

    /** The label of segments in their order. */
    public static final int IN_ORDER = 0;

    /** The label of swapped segments. */
    public static final int SWAPPED = 1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public HeadSpec head() {
        return new HeadSpec.Classification(HEAD_NAME, 2);
    }

    @Override
    public Stage stage() {
        return Stage.TEXT;
    }

    @Override
    public PretrainingInstance apply(PretrainingInstance instance, PretrainingContext context) {
        String[] pair = consecutive(instance, context);
        boolean swap = context.random().nextDouble() < 0.5;
        return instance.withTextA(swap ? pair[1] : pair[0]).withTextB(swap ? pair[0] : pair[1])
                .withTarget(head().name(), new HeadTarget.ClassLabels(new int[] {swap ? SWAPPED : IN_ORDER}));
    }

    /** Two consecutive segments of A's document, in document order: A and what follows it, or what precedes A and A. */
    private static String[] consecutive(PretrainingInstance instance, PretrainingContext context) {
        List<String> document = context.corpus().document(instance.document());
        int next = instance.sentence() + instance.sentences();
        if (next < document.size()) {
            int budget = Math.max(1, context.maxLength() - 3 - context.tokenCount(instance.textA()));
            return new String[] {instance.textA(), context.span(instance.document(), next, budget).text()};
        }
        if (instance.sentence() > 0) {
            return new String[] {document.get(instance.sentence() - 1), instance.textA()};
        }
        String[] words = instance.textA().split(" ");
        int half = Math.max(1, words.length / 2);
        return new String[] {String.join(" ", List.of(words).subList(0, half)),
            String.join(" ", List.of(words).subList(half, words.length))};
    }
}
