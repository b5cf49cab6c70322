package io.bertlab.engine.djl;

import io.bertlab.api.model.EngineProperties;

/**
 * The PyTorch backend on the CPU. Published by {@link PyTorchEngineRegistration} where the embedded libtorch can run
 * (always with the default CPU natives).
 */
public final class PyTorchCpuEngine extends DjlEngine {

    /** The engine on the CPU. */
    public PyTorchCpuEngine() {
        super(DjlBackend.PYTORCH, EngineProperties.CPU);
    }
}
