package io.bertlab.engine.djl;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.EngineInfo;
import io.bertlab.api.model.EngineProperties;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.model.bert.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The engine contract on one DJL backend and device. DJL (and its natives) start on first use, not when the service
 * is registered, so that resolving and activating the bundle stays cheap.
 */
public abstract class DjlEngine implements io.bertlab.api.model.Engine {

    private final DjlBackend backend;
    private final String deviceName;

    DjlEngine(DjlBackend backend, String deviceName) {
        this.backend = backend;
        this.deviceName = deviceName;
    }

    @Override
    public EngineInfo info() {
        Engine djl = DjlRuntime.engine(backend);
        return new EngineInfo(backend.bertlabName(), version(djl), List.of(deviceName), threads());
    }

    /**
     * The natives' release, and what the library says of itself where that differs (libmxnet 1.9.1 says 1.9.0), so
     * that the label names what runs: "1.9.1 (library reports 1.9.0; DJL 0.36.0)".
     */
    private String version(Engine djl) {
        String reported = djl.getVersion();
        String release = backend.nativeRelease().orElse(reported);
        String selfReport = release.equals(reported) ? "" : "library reports " + reported + "; ";
        return release + " (" + selfReport + "DJL " + Engine.getDjlVersion() + ")";
    }

    @Override
    public Model load(Path directory, LoadOptions options) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(options, "options");
        if (options.device() != null && !options.device().equals(deviceName)) {
            throw new IllegalArgumentException("this " + backend.bertlabName() + " engine computes on '" + deviceName
                    + "', not on '" + options.device() + "'");
        }
        ModelDirectory.Checkpoint checkpoint = ModelDirectory.load(directory);
        try {
            FeedForwardActivation.of(checkpoint.config().hiddenAct());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(directory.resolve(ModelProperties.CONFIG_FILE), "hidden_act",
                    e.getMessage(), e);
        }
        return load(checkpoint, options);
    }

    /**
     * Loads a checkpoint already in memory (e.g. imported from ONNX).
     *
     * @param checkpoint the configuration and verified weights
     * @param options threads (process-wide on DJL: the last load's setting wins) and device
     * @return the model; the caller closes it
     */
    public Model load(ModelDirectory.Checkpoint checkpoint, LoadOptions options) {
        Engine djl = DjlRuntime.engine(backend);
        if (options.threads() > 0 && backend == DjlBackend.PYTORCH) {
            JniUtils.setNumThreads(options.threads());
        }
        Device device = deviceName.equals(EngineProperties.GPU) ? Device.gpu() : Device.cpu();
        EngineInfo info = info();
        return DjlRuntime.exclusive(backend, () -> new DjlModel(backend, djl, info, checkpoint.config(),
                ParameterSet.of(djl.newBaseManager(device), checkpoint.weights())));
    }

    /** Compute threads: libtorch's intra-op pool; MXNet's OpenMP pool, sized by {@code OMP_NUM_THREADS}. */
    private int threads() {
        if (backend == DjlBackend.PYTORCH) {
            return Math.max(1, JniUtils.getNumThreads());
        }
        String omp = System.getenv("OMP_NUM_THREADS");
        try {
            return omp == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, Integer.parseInt(omp.trim()));
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }
}
