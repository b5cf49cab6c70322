package io.bertlab.model.service;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.EmbeddingGradient;
import io.bertlab.api.model.Evaluation;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.StepResult;
import io.bertlab.api.model.Targets;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/** A training session that gives back its model's lease when closed. */
final class LeasedSession implements TrainingSession {

    private final TrainingSession session;
    private final Runnable release;
    private final AtomicBoolean closed = new AtomicBoolean();

    LeasedSession(TrainingSession session, Runnable release) {
        this.session = session;
        this.release = release;
    }

    @Override
    public TrainingSpec spec() {
        return session.spec();
    }

    @Override
    public StepResult step(Batch batch, Targets targets) {
        return session.step(batch, targets);
    }

    @Override
    public Evaluation evaluate(Batch batch, Targets targets) {
        return session.evaluate(batch, targets);
    }

    @Override
    public Tensor inputEmbeddings(Batch batch) {
        return session.inputEmbeddings(batch);
    }

    @Override
    public Evaluation evaluateFromEmbeddings(Batch batch, Tensor embeddings) {
        return session.evaluateFromEmbeddings(batch, embeddings);
    }

    @Override
    public EmbeddingGradient embeddingGradient(Batch batch, Tensor embeddings, OutputSelector output) {
        return session.embeddingGradient(batch, embeddings, output);
    }

    @Override
    public void save(Path directory) throws IOException {
        session.save(directory);
    }

    @Override
    public void saveState(Path directory) throws IOException {
        session.saveState(directory);
    }

    @Override
    public void restoreState(Path directory) throws IOException {
        session.restoreState(directory);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                session.close();
            } finally {
                release.run();
            }
        }
    }
}
