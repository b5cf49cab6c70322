package io.bertlab.engine.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDScope;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Starts DJL engines from the jars embedded in this bundle, without network.
 *
 * <p>DJL finds engines with {@code ServiceLoader} and native libraries with resources of the thread's context class
 * loader, and it may download what it misses. Inside OSGi the context class loader is not this bundle's, so it is
 * set here for the duration of the start; the engine providers are also registered explicitly; offline mode and
 * telemetry opt-out are set before DJL's first class initialises. Natives load once per JVM and stay loaded.
 */
final class DjlRuntime {

    /** DJL reads these as system properties (or environment variables of the same name). */
    static final String OFFLINE = "ai.djl.offline";
    static final String TRACKING_OPT_OUT = "OPT_OUT_TRACKING";

    private static final Map<DjlBackend, Engine> STARTED = new EnumMap<>(DjlBackend.class);
    private static final Map<DjlBackend, ReentrantLock> GRADIENT_LOCKS = new EnumMap<>(DjlBackend.class);
    private static final Map<DjlBackend, ReentrantLock> SERIAL_LOCKS = new EnumMap<>(DjlBackend.class);

    static {
        for (DjlBackend backend : DjlBackend.values()) {
            GRADIENT_LOCKS.put(backend, new ReentrantLock());
            SERIAL_LOCKS.put(backend, new ReentrantLock());
        }
    }

    private DjlRuntime() {
    }

    /**
     * The DJL engine of a backend, started on first use (which extracts and loads its native libraries).
     *
     * @param backend the backend
     * @return the engine
     * @throws IllegalStateException when the engine or its natives cannot be loaded
     */
    static synchronized Engine engine(DjlBackend backend) {
        Engine engine = STARTED.get(backend);
        if (engine != null) {
            return engine;
        }
        setIfAbsent(OFFLINE, "true");
        setIfAbsent(TRACKING_OPT_OUT, "true");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(DjlRuntime.class.getClassLoader());
        try {
            if (!Engine.hasEngine(backend.djlName())) {
                Engine.registerEngine(backend.newProvider());
            }
            engine = Engine.getEngine(backend.djlName());
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot start the DJL " + backend.djlName() + " engine from the natives"
                    + " embedded in io.bertlab.engine.djl (offline, no download): " + e, e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        STARTED.put(backend, engine);
        return engine;
    }

    /**
     * The lock held while gradients are recorded on a backend: DJL allows one gradient collector at a time per JVM
     * (PyTorch enforces it, MXNet records into global state).
     *
     * @param backend the backend
     * @return its lock
     */
    static ReentrantLock gradientLock(DjlBackend backend) {
        return GRADIENT_LOCKS.get(backend);
    }

    /**
     * Runs a computation on a backend: every NDArray it creates is closed when it returns (results must leave as
     * host values), and on a backend that is not thread-safe only one computation runs at a time.
     *
     * @param backend the backend
     * @param work the computation
     * @return its result
     */
    static <T> T compute(DjlBackend backend, Supplier<T> work) {
        return exclusive(backend, () -> {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                return work.get();
            }
        });
    }

    /**
     * Runs work that creates long-lived NDArrays (not scoped), serialised on a backend that is not thread-safe.
     *
     * @param backend the backend
     * @param work the work
     * @return its result
     */
    static <T> T exclusive(DjlBackend backend, Supplier<T> work) {
        ReentrantLock serial = backend.concurrent() ? null : SERIAL_LOCKS.get(backend);
        if (serial != null) {
            serial.lock();
        }
        try {
            return work.get();
        } finally {
            if (serial != null) {
                serial.unlock();
            }
        }
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null && System.getenv(property) == null) {
            System.setProperty(property, value);
        }
    }
}
