package io.bertlab.model.service;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.EngineInfo;
import io.bertlab.api.model.ForwardOptions;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A {@link Model} whose underlying model can be replaced while calls run. Each call holds a lease on the model it
 * started with; a replaced model is closed only when its last lease ends, so no call in flight ever sees a
 * closed model, and every call that starts after {@link #swap} sees the new one.
 */
final class SwappableModel implements Model {

    /** One underlying model and the calls currently using it. */
    private static final class Generation {
        final Model model;
        final AtomicInteger leases = new AtomicInteger();
        final AtomicBoolean retired = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();

        Generation(Model model) {
            this.model = model;
        }

        void release() {
            if (leases.decrementAndGet() == 0 && retired.get()) {
                closeOnce();
            }
        }

        void retire() {
            retired.set(true);
            if (leases.get() == 0) {
                closeOnce();
            }
        }

        void closeOnce() {
            if (closed.compareAndSet(false, true)) {
                model.close();
            }
        }
    }

    private final AtomicReference<Generation> current;

    SwappableModel(Model initial) {
        current = new AtomicReference<>(new Generation(initial));
    }

    /**
     * Puts a new model in place; the old one closes when its last call ends.
     *
     * @param replacement the new model
     */
    void swap(Model replacement) {
        current.getAndSet(new Generation(replacement)).retire();
    }

    private Generation acquire() {
        while (true) {
            Generation generation = current.get();
            generation.leases.incrementAndGet();
            if (current.get() == generation && !generation.retired.get()) {
                return generation;
            }
            generation.release(); // swapped meanwhile: take the new one
        }
    }

    private <T> T withModel(Function<Model, T> call) {
        Generation generation = acquire();
        try {
            return call.apply(generation.model);
        } finally {
            generation.release();
        }
    }

    @Override
    public ModelConfig config() {
        return withModel(Model::config);
    }

    @Override
    public EngineInfo engine() {
        return withModel(Model::engine);
    }

    @Override
    public ForwardResult forward(Batch batch, ForwardOptions options) {
        return withModel(model -> model.forward(batch, options));
    }

    /** The session keeps its model's lease until it is closed, so a swap never closes a model under it. */
    @Override
    public TrainingSession openSession(TrainingSpec spec) {
        Generation generation = acquire();
        try {
            return new LeasedSession(generation.model.openSession(spec), generation::release);
        } catch (RuntimeException | Error e) {
            generation.release();
            throw e;
        }
    }

    @Override
    public void close() {
        current.get().retire();
    }
}
