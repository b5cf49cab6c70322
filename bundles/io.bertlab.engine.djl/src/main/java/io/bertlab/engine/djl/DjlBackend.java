package io.bertlab.engine.djl;

import ai.djl.engine.EngineProvider;
import ai.djl.ndarray.NDArray;
import ai.djl.mxnet.engine.MxEngineProvider;
import ai.djl.pytorch.engine.PtEngineProvider;
import io.bertlab.api.model.EngineProperties;
import java.util.function.Supplier;

/** The DJL engines this bundle embeds, with the names DJL and bertlab give them. */
enum DjlBackend {

    /** libtorch: thread-safe inference, so forward passes run concurrently. */
    PYTORCH("PyTorch", EngineProperties.PYTORCH, true, PtEngineProvider::new),

    /**
     * libmxnet: its imperative engine is not safe for concurrent calls from several Java threads, so every
     * computation on it is serialised.
     */
    MXNET("MXNet", EngineProperties.MXNET, false, MxEngineProvider::new);

    private final String djlName;
    private final String bertlabName;
    private final boolean concurrent;
    private final Supplier<EngineProvider> provider;

    DjlBackend(String djlName, String bertlabName, boolean concurrent, Supplier<EngineProvider> provider) {
        this.djlName = djlName;
        this.bertlabName = bertlabName;
        this.concurrent = concurrent;
        this.provider = provider;
    }

    /** DJL's engine name, as {@code ai.djl.engine.Engine.getEngine} takes it. */
    String djlName() {
        return djlName;
    }

    /** The value of the {@value EngineProperties#ENGINE} service property. */
    String bertlabName() {
        return bertlabName;
    }

    /** Whether forward passes may run on several threads at once. */
    boolean concurrent() {
        return concurrent;
    }

    /**
     * An array that writes through to a parameter's values without autograd recording the write (for optimizer
     * updates in place): libtorch refuses in-place writes to a leaf that requires gradients, but a detached view
     * shares its storage; MXNet writes to the parameter itself outside recording.
     */
    NDArray writableView(NDArray parameter) {
        return this == PYTORCH ? parameter.stopGradient() : parameter;
    }

    /** A new provider, for registering the engine with DJL without ServiceLoader. */
    EngineProvider newProvider() {
        return provider.get();
    }
}
