package io.bertlab.api.model;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Training, evaluation and attribution of task heads on top of the encoder, on the session's own copy of the
 * parameters. Not thread-safe: one caller at a time.
 */
@ProviderType
public interface TrainingSession extends AutoCloseable {

    /**
     * The heads of this session.
     *
     * @return the specification the session was opened with
     */
    TrainingSpec spec();

    /**
     * One optimizer step in training mode (dropout on): forward, the sum of the losses of the heads named in
     * {@code targets}, backward to every parameter, gradient clipping, an AdamW update.
     *
     * @param batch the inputs
     * @param targets targets of one or more heads of this session
     * @return the loss, gradient norm and learning rate of the step
     * @throws IllegalStateException when the session was opened without an optimizer
     */
    StepResult step(Batch batch, Targets targets);

    /**
     * Head outputs (and, where targets are given, losses) in inference mode; parameters are unchanged.
     *
     * @param batch the inputs
     * @param targets targets for some heads, or {@code null} for logits only
     * @return the logits of every head and the losses of those with targets
     */
    Evaluation evaluate(Batch batch, Targets targets);

    /**
     * The word embeddings of a batch's tokens: the first input of the encoder, before position and token type
     * embeddings are added. Attribution methods scale these (e.g. from a baseline).
     *
     * @param batch the inputs
     * @return {@code [batch, sequence, hidden]}
     */
    Tensor inputEmbeddings(Batch batch);

    /**
     * Head outputs when the encoder starts from given word embeddings instead of looking up the batch's token ids
     * (position and token type embeddings and the attention mask still come from the batch).
     *
     * @param batch the inputs (their token ids are not used)
     * @param embeddings word embeddings, {@code [batch, sequence, hidden]}
     * @return the logits of every head, in inference mode
     */
    Evaluation evaluateFromEmbeddings(Batch batch, Tensor embeddings);

    /**
     * The gradient of a selected head output with respect to given word embeddings, in inference mode.
     *
     * @param batch the inputs (their token ids are not used)
     * @param embeddings word embeddings, {@code [batch, sequence, hidden]}
     * @param output which head output to differentiate
     * @return the selected scores and their gradients
     */
    EmbeddingGradient embeddingGradient(Batch batch, Tensor embeddings, OutputSelector output);

    /**
     * Writes the session's current encoder and head parameters as a model directory
     * ({@value ModelProperties#CONFIG_FILE} + {@value ModelProperties#WEIGHTS_FILE}). Each file is replaced
     * atomically: an interrupted save leaves the previous checkpoint intact.
     *
     * @param directory the target directory, created if missing
     * @throws IOException when writing fails
     */
    void save(Path directory) throws IOException;

    /**
     * Writes what a later session needs to continue this one exactly, beside the parameters {@link #save(Path)}
     * writes: the optimizer's moments and its step count (which fixes the learning rate and the dropout masks of the
     * steps to come), as {@value ModelProperties#OPTIMIZER_STATE_FILE}, replaced atomically.
     *
     * @param directory the folder {@link #save(Path)} wrote
     * @throws IOException when writing fails
     * @throws UnsupportedOperationException when the engine cannot continue a session
     */
    default void saveState(Path directory) throws IOException {
        throw new UnsupportedOperationException(engineName() + " cannot save a training session's state");
    }

    /**
     * Continues a session from {@link #saveState(Path)}: this session must have been opened, with the same
     * specification, on the parameters saved in the same folder. The steps that follow equal those the saved session
     * would have taken.
     *
     * @param directory the folder holding {@value ModelProperties#OPTIMIZER_STATE_FILE}
     * @throws IOException when the file is missing, corrupt or does not fit this session's parameters (the message
     *         names the file and the tensor)
     * @throws UnsupportedOperationException when the engine cannot continue a session
     */
    default void restoreState(Path directory) throws IOException {
        throw new UnsupportedOperationException(engineName() + " cannot continue a training session");
    }

    private String engineName() {
        return "this engine (" + getClass().getName() + ")";
    }

    /** Releases the session's parameters and optimizer state. */
    @Override
    void close();
}
