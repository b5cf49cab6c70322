package io.bertlab.benchmarks;

import io.bertlab.api.model.Engine;
import io.bertlab.engine.djl.MxNetCpuEngine;
import io.bertlab.engine.djl.PyTorchCpuEngine;
import io.bertlab.engine.java.JavaEngine;

/** bertlab's engines by benchmark parameter, created directly (outside OSGi there is no registry). */
final class Engines {

    private Engines() {
    }

    static Engine named(String name) {
        switch (name) {
            case "bertlab-java":
                return new JavaEngine();
            case "bertlab-pytorch":
                return new PyTorchCpuEngine();
            case "bertlab-mxnet":
                return new MxNetCpuEngine();
            default:
                throw new IllegalArgumentException("unknown engine " + name);
        }
    }
}
