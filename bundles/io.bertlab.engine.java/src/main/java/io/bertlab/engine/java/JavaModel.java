package io.bertlab.engine.java;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.EngineInfo;
import io.bertlab.api.model.ForwardOptions;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.engine.java.kernel.Gemm;
import io.bertlab.engine.java.kernel.Kernels;
import io.bertlab.engine.java.train.JavaTrainingSession;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.engine.java.kernel.Parallel;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A BERT model loaded by the pure-Java engine; owns its compute threads. Thread-safe. */
final class JavaModel implements Model {

    private final EngineInfo engine;
    private final EncoderWeights weights;
    private final Parallel parallel;
    private final EncoderForward encoder;
    private final BertWeights checkpointWeights;
    private final Gemm gemm;
    /** Forward passes hold it shared; closing takes it exclusively, so it waits for the passes in flight. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    JavaModel(EngineInfo engine, EncoderWeights weights, BertWeights checkpointWeights, Gemm gemm) {
        this.engine = engine;
        this.checkpointWeights = checkpointWeights;
        this.gemm = gemm;
        this.weights = weights;
        this.parallel = gemm.parallel();
        this.encoder = new EncoderForward(weights, gemm);
    }

    @Override
    public ModelConfig config() {
        return weights.config;
    }

    @Override
    public EngineInfo engine() {
        return engine;
    }

    @Override
    public ForwardResult forward(Batch batch, ForwardOptions options) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(options, "options");
        lifecycle.readLock().lock();
        try {
            checkOpen();
            return encoder.forward(batch, options);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public TrainingSession openSession(TrainingSpec spec) {
        lifecycle.readLock().lock();
        try {
            checkOpen();
        } finally {
            lifecycle.readLock().unlock();
        }
        return new JavaTrainingSession(weights.config, checkpointWeights, spec, gemm, Kernels.elementwise());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the model is closed");
        }
    }

    /** Waits for forward passes in flight, then stops the compute threads; sessions must be closed first. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                parallel.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }
}
