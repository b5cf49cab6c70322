package io.bertlab.api.model;

/**
 * How an engine loads a model.
 *
 * @param threads compute threads for this model; {@code 0} lets the engine choose
 * @param device the device to run on ({@value EngineProperties#CPU}, {@value EngineProperties#GPU}), or
 *        {@code null} for the engine's default
 */
public record LoadOptions(int threads, String device) {

    /** The engine's defaults. */
    public static final LoadOptions DEFAULT = new LoadOptions(0, null);

    /**
     * Validates the fields.
     *
     * @param threads compute threads, {@code 0} for the engine's choice
     * @param device the device or {@code null}
     */
    public LoadOptions {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (engine default) or positive, was " + threads);
        }
    }

    /**
     * The engine's default device with a chosen number of threads.
     *
     * @param threads compute threads, {@code 0} for the engine's choice
     * @return the options
     */
    public static LoadOptions threads(int threads) {
        return new LoadOptions(threads, null);
    }
}
