package io.bertlab.spark;

import io.bertlab.api.model.Engine;
import io.bertlab.api.model.EngineProperties;
import io.bertlab.engine.java.JavaEngine;
import java.util.List;
import java.util.Map;

/**
 * The engines outside OSGi, by the names {@code bertlab embed --engine} takes. The pure-Java engine is always here;
 * the DJL engines only where the executors' class path holds {@code io.bertlab.engine.djl} with DJL's API, engine,
 * JNI and native jars (an optional dependency of this module): they are created by class name on first use, so that
 * nothing of DJL is loaded otherwise.
 */
final class Engines {

    private static final Map<String, String> DJL_CPU = Map.of(
            EngineProperties.PYTORCH, "io.bertlab.engine.djl.PyTorchCpuEngine",
            EngineProperties.MXNET, "io.bertlab.engine.djl.MxNetCpuEngine");
    private static final String PYTORCH_GPU = "io.bertlab.engine.djl.PyTorchGpuEngine";
    /**
     * DJL's classes that {@code io.bertlab.engine.djl} needs outside OSGi (where it embeds them): its backend table
     * names both DJL engines, so both engine jars are needed whichever is used.
     */
    private static final List<Map.Entry<String, String>> DJL_CLASSES = List.of(
            Map.entry("ai.djl.engine.Engine", "ai.djl:api"),
            Map.entry("ai.djl.pytorch.engine.PtEngine", "ai.djl.pytorch:pytorch-engine"),
            Map.entry("ai.djl.mxnet.engine.MxEngine", "ai.djl.mxnet:mxnet-engine"));

    private Engines() {
    }

    static void requireKnown(String engine) {
        if (!engine.equals(EngineProperties.JAVA) && !DJL_CPU.containsKey(engine)) {
            throw new IllegalArgumentException("engine must be java, pytorch or mxnet, was '" + engine + "'");
        }
    }

    /**
     * The engine of a name for a device.
     *
     * @throws IllegalStateException when the engine's classes are not on this JVM's class path, saying which jars
     *         are needed
     */
    static Engine create(String engine, String device) {
        requireKnown(engine);
        if (engine.equals(EngineProperties.JAVA)) {
            return new JavaEngine();
        }
        String className = engine.equals(EngineProperties.PYTORCH) && EngineProperties.GPU.equals(device)
                ? PYTORCH_GPU : DJL_CPU.get(engine);
        ClassLoader classes = Engines.class.getClassLoader();
        for (Map.Entry<String, String> needed : DJL_CLASSES) {
            try {
                Class.forName(needed.getKey(), false, classes);
            } catch (ClassNotFoundException | LinkageError e) {
                throw notHere(engine, needed.getValue() + " (" + needed.getKey() + ") is missing", e);
            }
        }
        try {
            return (Engine) Class.forName(className, true, classes).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw notHere(engine, e.toString(), e);
        }
    }

    private static IllegalStateException notHere(String engine, String what, Throwable cause) {
        String natives = engine.equals(EngineProperties.PYTORCH) ? "pytorch-jni and pytorch-native-cpu (or a CUDA"
                + " build)" : "mxnet-native-mkl";
        return new IllegalStateException("engine " + engine + " is not on the class path of this JVM: " + what
                + "; put io.bertlab.engine.djl, ai.djl:api, ai.djl.pytorch:pytorch-engine, ai.djl.mxnet:mxnet-engine"
                + " and " + natives + " on the executors' class path (and -Dai.djl.offline=true in their Java"
                + " options), or use engine java", cause);
    }
}
