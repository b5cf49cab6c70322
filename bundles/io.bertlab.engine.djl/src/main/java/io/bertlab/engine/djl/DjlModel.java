package io.bertlab.engine.djl;

import ai.djl.engine.Engine;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.EngineInfo;
import io.bertlab.api.model.ForwardOptions;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import java.util.Objects;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A BERT checkpoint loaded into NDArrays of one DJL engine. Forward passes share the parameters read-only and may run
 * concurrently (serialised on MXNet); {@link #close()} waits for running passes.
 */
final class DjlModel implements Model {

    private final DjlBackend backend;
    private final Engine djl;
    private final EngineInfo engineInfo;
    private final ModelConfig config;
    private final ParameterSet parameters;
    private final BertEncoder encoder;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    DjlModel(DjlBackend backend, Engine djl, EngineInfo engineInfo, ModelConfig config, ParameterSet parameters) {
        this.backend = backend;
        this.djl = djl;
        this.engineInfo = engineInfo;
        this.config = config;
        this.parameters = parameters;
        this.encoder = new BertEncoder(config);
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public EngineInfo engine() {
        return engineInfo;
    }

    @Override
    public ForwardResult forward(Batch batch, ForwardOptions options) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(options, "options");
        lifecycle.readLock().lock();
        try {
            requireOpen();
            return DjlRuntime.compute(backend, () -> {
                EncoderInputs inputs = EncoderInputs.of(parameters.manager(), batch, config);
                EncoderOutput out = encoder.encode(parameters, inputs, encoder.wordEmbeddings(parameters, inputs),
                        false, options.hiddenStates(), options.attentions());
                return new ForwardResult(Tensors.toTensor(out.lastHiddenState()),
                        out.pooledOutput() == null ? null : Tensors.toTensor(out.pooledOutput()),
                        Tensors.toTensors(out.hiddenStates()), Tensors.toTensors(out.attentions()));
            });
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public TrainingSession openSession(TrainingSpec spec) {
        Objects.requireNonNull(spec, "spec");
        lifecycle.readLock().lock();
        try {
            requireOpen();
            return DjlRuntime.exclusive(backend, () -> new DjlTrainingSession(backend, djl, encoder, spec,
                    parameters.copyTo(djl.newBaseManager(parameters.manager().getDevice()))));
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                parameters.close();
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the model was closed");
        }
    }
}
