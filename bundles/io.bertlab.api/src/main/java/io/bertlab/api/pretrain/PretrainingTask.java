package io.bertlab.api.pretrain;

import io.bertlab.api.model.HeadSpec;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One pre-training objective, registered as a service with {@value #TASK} set to its {@link #name()}.
 *
 * <p>A task acts at one {@link Stage}: at {@link Stage#TEXT} it chooses the text of an instance (Next Sentence
 * Prediction picks segment B and its label); at {@link Stage#TOKENS} it changes the encoded inputs (Masked LM
 * replaces tokens and records which ones to predict). Each task adds the targets of its own {@link #head()}.
 */
@ProviderType
public interface PretrainingTask {

    /** Service property naming the task, e.g. {@code mlm} or {@code nsp}. */
    String TASK = "bertlab.pretrain.task";

    /** When a task acts on an instance. */
    enum Stage {
        /** Before tokenization: chooses the text segments. */
        TEXT,
        /** After tokenization: changes input ids and adds token-level targets. */
        TOKENS
    }

    /**
     * The task's short name, also its service property {@value #TASK}.
     *
     * @return e.g. {@code mlm}
     */
    String name();

    /**
     * The head this task trains, whose name keys its targets.
     *
     * @return e.g. {@link HeadSpec.MaskedLm} or {@link HeadSpec.NextSentence}
     */
    HeadSpec head();

    /**
     * The stage at which this task acts.
     *
     * @return the stage
     */
    Stage stage();

    /**
     * Applies the task to one instance.
     *
     * @param instance the instance so far (text only at {@link Stage#TEXT}; encoded at {@link Stage#TOKENS})
     * @param context the corpus, tokenizer, random source and limits of this run
     * @return the instance with this task's changes and targets
     */
    PretrainingInstance apply(PretrainingInstance instance, PretrainingContext context);
}
