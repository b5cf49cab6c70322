package io.bertlab.engine.djl;

import ai.djl.engine.EngineProvider;
import ai.djl.ndarray.NDArray;
import ai.djl.mxnet.engine.MxEngineProvider;
import ai.djl.pytorch.engine.PtEngineProvider;
import io.bertlab.api.model.EngineProperties;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

/** The DJL engines this bundle embeds, with the names DJL and bertlab give them. */
enum DjlBackend {

    /** libtorch: thread-safe inference, so forward passes run concurrently. */
    PYTORCH("PyTorch", EngineProperties.PYTORCH, "pytorch", true, PtEngineProvider::new),

    /**
     * libmxnet: its imperative engine is not safe for concurrent calls from several Java threads, so every
     * computation on it is serialised.
     */
    MXNET("MXNet", EngineProperties.MXNET, "mxnet", false, MxEngineProvider::new);

    private final String djlName;
    private final String bertlabName;
    private final String nativesName;
    private final boolean concurrent;
    private final Supplier<EngineProvider> provider;

    DjlBackend(String djlName, String bertlabName, String nativesName, boolean concurrent,
            Supplier<EngineProvider> provider) {
        this.djlName = djlName;
        this.bertlabName = bertlabName;
        this.nativesName = nativesName;
        this.concurrent = concurrent;
        this.provider = provider;
    }

    /** DJL's engine name, as {@code ai.djl.engine.Engine.getEngine} takes it. */
    String djlName() {
        return djlName;
    }

    /** The value of the {@value EngineProperties#ENGINE} service property. */
    String bertlabName() {
        return bertlabName;
    }

    /**
     * The release of the native library on this bundle's class path, as its jar names it in
     * {@code native/lib/<name>.properties} ({@code version=1.9.1-20220812}: release, then DJL's build date), the file
     * DJL itself reads to find, extract and load the natives. This is the version of what runs: libmxnet from
     * {@code mxnet-native-mkl} 1.9.1 still answers 1.9.0 to {@code MXGetVersion}, which is what DJL's
     * {@code Engine.getVersion()} reports.
     *
     * @return the release, or empty when no such file is on the class path
     */
    Optional<String> nativeRelease() {
        try (InputStream in = DjlBackend.class.getClassLoader()
                .getResourceAsStream("native/lib/" + nativesName + ".properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            return version == null ? Optional.empty() : Optional.of(version.replaceFirst("-.*$", ""));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether forward passes may run on several threads at once. */
    boolean concurrent() {
        return concurrent;
    }

    /**
     * An array that writes through to a parameter's values without autograd recording the write (for optimizer
     * updates in place): libtorch refuses in-place writes to a leaf that requires gradients, but a detached view
     * shares its storage; MXNet writes to the parameter itself outside recording.
     */
    NDArray writableView(NDArray parameter) {
        return this == PYTORCH ? parameter.stopGradient() : parameter;
    }

    /** A new provider, for registering the engine with DJL without ServiceLoader. */
    EngineProvider newProvider() {
        return provider.get();
    }
}
