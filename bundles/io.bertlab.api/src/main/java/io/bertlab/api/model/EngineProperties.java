package io.bertlab.api.model;

/**
 * Service properties of an {@link Engine} and their well-known values, so that consumers select an engine with a
 * filter such as {@code (&(bertlab.engine=java)(bertlab.device=cpu))}.
 */
public final class EngineProperties {

    /** Service property naming the engine implementation: {@value #JAVA}, {@value #PYTORCH} or {@value #MXNET}. */
    public static final String ENGINE = "bertlab.engine";

    /** Service property naming the device the engine computes on: {@value #CPU} or {@value #GPU}. */
    public static final String DEVICE = "bertlab.device";

    /** The pure-Java engine. */
    public static final String JAVA = "java";

    /** The PyTorch engine (through DJL). */
    public static final String PYTORCH = "pytorch";

    /** The MXNet engine (through DJL). */
    public static final String MXNET = "mxnet";

    /** Computes on the CPU. */
    public static final String CPU = "cpu";

    /** Computes on a GPU. */
    public static final String GPU = "gpu";

    private EngineProperties() {
    }
}
