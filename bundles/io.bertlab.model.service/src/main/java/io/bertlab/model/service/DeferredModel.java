package io.bertlab.model.service;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.Engine;
import io.bertlab.api.model.EngineInfo;
import io.bertlab.api.model.ForwardOptions;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * A model directory whose configuration has been checked and whose weights an engine loads on the first call that
 * needs them. Listing a named model, or any command that does not use it, then costs a {@code config.json} and a
 * safetensors header instead of the whole checkpoint. A failed load is remembered: every later call fails with the
 * same error, and the owner is told once.
 */
final class DeferredModel implements Model {

    private final Engine engine;
    private final Path directory;
    private final LoadOptions options;
    private final ModelConfig config;
    private final BiConsumer<DeferredModel, IOException> onFailure;
    private volatile Model loaded;
    private IOException failure;
    private boolean closed;

    /**
     * @param engine the engine that loads it
     * @param directory the model directory, already {@linkplain io.bertlab.model.bert.ModelDirectory#check checked}
     * @param options threads and device
     * @param config the directory's configuration
     * @param onFailure told once when the load fails
     */
    DeferredModel(Engine engine, Path directory, LoadOptions options, ModelConfig config,
            BiConsumer<DeferredModel, IOException> onFailure) {
        this.engine = engine;
        this.directory = directory;
        this.options = options;
        this.config = config;
        this.onFailure = onFailure;
    }

    /**
     * Loads the weights unless that has happened.
     *
     * @return the loaded model
     * @throws IOException the load's error, now or from an earlier attempt
     */
    synchronized Model load() throws IOException {
        if (loaded != null) {
            return loaded;
        }
        if (failure != null) {
            throw failure;
        }
        if (closed) {
            throw new IllegalStateException("the model " + directory + " was closed");
        }
        try {
            loaded = engine.load(directory, options);
            return loaded;
        } catch (IOException | RuntimeException e) {
            failure = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            onFailure.accept(this, failure);
            throw failure;
        }
    }

    /** @return whether the weights are in memory */
    boolean isLoaded() {
        return loaded != null;
    }

    private Model model() {
        Model model = loaded;
        if (model != null) {
            return model;
        }
        try {
            return load();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public ModelConfig config() {
        return config;
    }

    @Override
    public EngineInfo engine() {
        return model().engine();
    }

    @Override
    public ForwardResult forward(Batch batch, ForwardOptions options) {
        return model().forward(batch, options);
    }

    @Override
    public TrainingSession openSession(TrainingSpec spec) {
        return model().openSession(spec);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (loaded != null) {
            loaded.close();
        }
    }
}
