package io.bertlab.engine.djl;

import io.bertlab.api.model.Engine;
import io.bertlab.api.model.EngineProperties;
import org.osgi.service.component.annotations.Component;

/** The PyTorch backend (libtorch CPU natives embedded from Maven Central) as an engine service. */
@Component(service = Engine.class, property = {
    EngineProperties.ENGINE + "=" + EngineProperties.PYTORCH,
    EngineProperties.DEVICE + "=" + EngineProperties.CPU})
public final class PyTorchCpuEngine extends DjlEngine {

    /** The engine on the CPU. */
    public PyTorchCpuEngine() {
        super(DjlBackend.PYTORCH, EngineProperties.CPU);
    }
}
