package io.bertlab.api.model;

/**
 * Service properties of a {@link Model} published as an OSGi service (one per ConfigAdmin factory configuration),
 * and the configuration keys that create it.
 */
public final class ModelProperties {

    /** Service property and configuration key: the model's name, unique among model services. */
    public static final String NAME = "bertlab.model.name";

    /** Service property and configuration key: the model directory ({@code config.json} + {@code model.safetensors}). */
    public static final String DIRECTORY = "bertlab.model.directory";

    /** Service property and configuration key: the engine that runs the model (the engine's {@value EngineProperties#ENGINE}). */
    public static final String ENGINE = EngineProperties.ENGINE;

    /** Service property and configuration key: the device the model runs on (the engine's {@value EngineProperties#DEVICE}). */
    public static final String DEVICE = EngineProperties.DEVICE;

    /** Service property and configuration key: the number of compute threads; {@code 0} lets the engine choose. */
    public static final String THREADS = "bertlab.model.threads";

    /** Name of the configuration file inside a model directory (HF {@code config.json}). */
    public static final String CONFIG_FILE = "config.json";

    /** Name of the weights file inside a model directory. */
    public static final String WEIGHTS_FILE = "model.safetensors";

    /** Name of the tokenizer file a model directory may carry beside the model. */
    public static final String TOKENIZER_FILE = "tokenizer.json";

    /**
     * Name of the file, beside a session's saved parameters, holding what continuing the session needs: the
     * optimizer's moments and step count ({@link TrainingSession#saveState(java.nio.file.Path)}).
     */
    public static final String OPTIMIZER_STATE_FILE = "optimizer.safetensors";

    private ModelProperties() {
    }
}
