package io.bertlab.engine.djl;

/** The engine services of this bundle, created as DS would (no framework needed for unit tests). */
final class TestEngines {

    private TestEngines() {
    }

    static DjlEngine of(DjlBackend backend) {
        return switch (backend) {
            case PYTORCH -> new PyTorchCpuEngine();
            case MXNET -> new MxNetCpuEngine();
        };
    }
}
