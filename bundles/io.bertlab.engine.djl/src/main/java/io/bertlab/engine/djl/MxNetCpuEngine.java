package io.bertlab.engine.djl;

import io.bertlab.api.model.Engine;
import io.bertlab.api.model.EngineProperties;
import org.osgi.service.component.annotations.Component;

/** The MXNet backend (libmxnet with MKL, embedded from Maven Central) as an engine service. */
@Component(service = Engine.class, property = {
    EngineProperties.ENGINE + "=" + EngineProperties.MXNET,
    EngineProperties.DEVICE + "=" + EngineProperties.CPU})
public final class MxNetCpuEngine extends DjlEngine {

    /** The engine on the CPU. */
    public MxNetCpuEngine() {
        super(DjlBackend.MXNET, EngineProperties.CPU);
    }
}
