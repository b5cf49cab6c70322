package io.bertlab.api.model;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A backend that runs BERT encoders. Registered as an OSGi service with the properties
 * {@value EngineProperties#ENGINE} and {@value EngineProperties#DEVICE}; every engine loads the same model
 * directories and gives the same numbers within float tolerance.
 */
@ProviderType
public interface Engine {

    /**
     * What this engine is.
     *
     * @return its name, version, devices and default thread count
     */
    EngineInfo info();

    /**
     * Loads a model directory holding {@value ModelProperties#CONFIG_FILE} and {@value ModelProperties#WEIGHTS_FILE}.
     *
     * @param directory the model directory
     * @param options threads and device
     * @return the loaded model; the caller closes it
     * @throws CheckpointException when the configuration or the weights are unusable (the message names the file
     *         and the field or tensor)
     * @throws IOException when the files cannot be read
     */
    Model load(Path directory, LoadOptions options) throws IOException;

    /**
     * Loads a model directory with the engine's default options.
     *
     * @param directory the model directory
     * @return the loaded model; the caller closes it
     * @throws CheckpointException when the configuration or the weights are unusable
     * @throws IOException when the files cannot be read
     */
    default Model load(Path directory) throws IOException {
        return load(directory, LoadOptions.DEFAULT);
    }
}
