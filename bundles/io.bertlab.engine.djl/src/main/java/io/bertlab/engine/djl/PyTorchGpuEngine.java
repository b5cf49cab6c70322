package io.bertlab.engine.djl;

import io.bertlab.api.model.EngineProperties;

/**
 * The PyTorch backend on the first CUDA device. Registered by {@link PyTorchEngineRegistration} only where the embedded
 * libtorch is a CUDA build and a CUDA device exists.
 */
public final class PyTorchGpuEngine extends DjlEngine {

    /** The engine on {@code gpu(0)}. */
    public PyTorchGpuEngine() {
        super(DjlBackend.PYTORCH, EngineProperties.GPU);
    }
}
