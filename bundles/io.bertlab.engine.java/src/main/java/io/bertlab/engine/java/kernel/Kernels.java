package io.bertlab.engine.java.kernel;

/**
 * Chooses the fastest {@link MatrixKernel} the running JVM supports: the Vector API kernel when the
 * {@code jdk.incubator.vector} module is present (JVM flag {@code --add-modules jdk.incubator.vector}), else the
 * plain-Java one. The system property {@code bertlab.engine.java.scalar=true} forces the plain-Java kernels.
 */
public final class Kernels {

    private static final boolean VECTOR = !Boolean.getBoolean("bertlab.engine.java.scalar") && vectorApiAvailable();
    private static final MatrixKernel BEST = VECTOR ? new VectorKernel() : new ScalarKernel();
    private static final ElementwiseKernel ELEMENTWISE = VECTOR ? new VectorElementwise() : new ScalarElementwise();
    private static final AdamWKernel ADAMW = VECTOR ? new VectorAdamW() : new ScalarAdamW();

    private Kernels() {
    }

    /**
     * The kernel to use.
     *
     * @return the Vector API kernel when available, else the scalar one
     */
    public static MatrixKernel best() {
        return BEST;
    }

    /**
     * The element-wise functions to use.
     *
     * @return the Vector API version when available, else the scalar one
     */
    public static ElementwiseKernel elementwise() {
        return ELEMENTWISE;
    }

    /**
     * The optimizer's update to use.
     *
     * @return the Vector API version when available, else the scalar one
     */
    public static AdamWKernel adamW() {
        return ADAMW;
    }

    /**
     * Whether the Vector API is available in this JVM.
     *
     * @return true when {@code jdk.incubator.vector} can be loaded
     */
    public static boolean vectorApiAvailable() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            Class.forName("jdk.incubator.vector.FloatVector", false, Kernels.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
